package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.gateway.service.WebhookSignature;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account's webhook hears each change of state of its jobs, signed, retried until its receiver answers 2xx. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class WebhookDeliveryTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    /** How many of the next calls the receiver answers 500. */
    private final AtomicInteger failuresToCome = new AtomicInteger();
    /** Megabytes of the /huge answer written before the gateway hung up. */
    private final AtomicInteger hugeBodySent = new AtomicInteger();

    @BeforeEach
    void startTheReceiver() throws IOException {
        KafkaTestSupport.serveTheModel(kafka);
        // Every local address, IPv4 and IPv6: "localhost" may resolve to either.
        receiver = HttpServer.create(new InetSocketAddress(0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
            if (status == 204) {
                received.add(Map.of("host", exchange.getRequestHeaders().getFirst("Host"),
                        "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] megabyte = new byte[1 << 20];
            try (var body = exchange.getResponseBody()) {
                for (int sent = 0; sent < 1024; sent++) {
                    body.write(megabyte);
                    hugeBodySent.incrementAndGet();
                }
            } catch (IOException droppedByTheGateway) {
                exchange.close();
            }
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop(0);
    }

    @Test
    void eachChangeOfStateIsPostedSignedWithTheJobAsItThenWas() throws Exception {
        String key = TestAccounts.newUserKey();
        String secret = register(key, "/hook").then().statusCode(200)
                .body("url", equalTo(hook("/hook")))
                .body("secret", notNullValue())
                .extract().path("secret");
        TestAccounts.as(key).get("/api/v1/accounts/me/webhook").then().statusCode(200)
                .body("url", equalTo(hook("/hook")))
                .body("secret", nullValue());
        UUID jobId = submit(key);

        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "w", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()), "w",
                Instant.now()));
        await().atMost(PATIENCE).until(() -> received.size() == 2);

        List<JsonNode> events = received.stream().map(call -> read(call.get("body"))).toList();
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly("job.running", "job.succeeded");
        assertThat(events).extracting(event -> event.path("data").path("state").asText())
                .containsExactly("RUNNING", "SUCCEEDED");
        assertThat(events).allSatisfy(event -> assertThat(event.path("data").path("id").asText())
                .isEqualTo(jobId.toString()));
        for (Map<String, String> call : received) {
            assertThat(call.get("signature")).isEqualTo(WebhookSignature.sign(secret, call.get("id"),
                    Long.parseLong(call.get("timestamp")), call.get("body")));
        }
        TestAccounts.as(key).get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then().statusCode(200)
                .body("eventType", equalTo(List.of("job.running", "job.succeeded")))
                .body("attempts", equalTo(List.of(1, 1)))
                .body("lastStatus", equalTo(List.of(204, 204)))
                .body("deliveredAt[1]", notNullValue());
    }

    @Test
    void aNamedHostIsCalledAtTheAddressItWasCheckedAtAndStillNamedInTheHostHeader() {
        String key = TestAccounts.newUserKey();
        String url = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
        TestAccounts.as(key).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                .put("/api/v1/accounts/me/webhook").then().statusCode(200);
        UUID jobId = submit(key);

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(received.get(0).get("host")).isEqualTo("localhost:" + receiver.getAddress().getPort());
    }

    @Test
    void aHugeAnswerIsNotReadTheGatewayHangsUpOnceItHasTheStatus() {
        String key = TestAccounts.newUserKey();
        register(key, "/huge").then().statusCode(200);
        UUID jobId = submit(key);

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(key)
                .get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then()
                .body("lastStatus", equalTo(List.of(200))).body("deliveredAt[0]", notNullValue()));
        assertThat(hugeBodySent.get()).as("megabytes written of 1024").isLessThan(1024);
    }

    @Test
    void aReceiverThatFailsIsCalledAgainUntilItAnswers() {
        String key = TestAccounts.newUserKey();
        register(key, "/hook").then().statusCode(200);
        UUID jobId = submit(key);
        failuresToCome.set(2);

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(read(received.get(0).get("body")).path("type").asText()).isEqualTo("job.cancelled");
        TestAccounts.as(key).get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then()
                .body("attempts", equalTo(List.of(3)))
                .body("lastStatus", equalTo(List.of(204)));
    }

    @Test
    void aRedirectIsNotFollowedButCountedAsAFailure() {
        String key = TestAccounts.newUserKey();
        register(key, "/moved").then().statusCode(200);
        UUID jobId = submit(key);

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(key)
                .get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then()
                .body("[0].lastStatus", equalTo(302))
                .body("[0].lastError", equalTo("answered 302"))
                .body("[0].deliveredAt", nullValue()));
        assertThat(received).isEmpty();
    }

    @Test
    void aDeliveryOwedToAReplacedWebhookGoesToTheNewOneSignedWithItsSecret() {
        String key = TestAccounts.newUserKey();
        register(key, "/moved").then().statusCode(200);
        UUID jobId = submit(key);
        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(key)
                .get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then().body("[0].lastStatus", equalTo(302)));

        String secret = register(key, "/hook").then().statusCode(200).extract().path("secret");

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        Map<String, String> call = received.get(0);
        assertThat(call.get("signature")).isEqualTo(WebhookSignature.sign(secret, call.get("id"),
                Long.parseLong(call.get("timestamp")), call.get("body")));
    }

    @Test
    void aUrlThatIsNotOneIsRefusedAndAReadOnlyKeyCannotRegister() {
        String key = TestAccounts.newUserKey();
        TestAccounts.as(key).contentType(ContentType.JSON).body("{\"url\":\"ftp://example.org/hook\"}")
                .put("/api/v1/accounts/me/webhook").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        TestAccounts.as(key).get("/api/v1/accounts/me/webhook").then().statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:webhook-not-found"));
        String readOnly = TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
        register(readOnly, "/hook").then().statusCode(403);

        register(key, "/hook").then().statusCode(200);
        TestAccounts.as(key).delete("/api/v1/accounts/me/webhook").then().statusCode(204);
        TestAccounts.as(key).delete("/api/v1/accounts/me/webhook").then().statusCode(404)
                .body("detail", containsString("PUT /api/v1/accounts/me/webhook"));
    }

    @Test
    void aJobThatNamesAWebhookIsCalledThereInsteadOfTheAccountsDefault() {
        String key = TestAccounts.newUserKey();
        register(key, "/moved").then().statusCode(200);
        UUID jobId = submit(key, hook("/hook"));

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(read(received.get(0).get("body")).path("data").path("id").asText()).isEqualTo(jobId.toString());
        TestAccounts.as(key).get("/api/v1/jobs/" + jobId + "/webhook-deliveries").then()
                .body("url", equalTo(List.of(hook("/hook")))).body("lastStatus", equalTo(List.of(204)));
    }

    @Test
    void aSecretWithoutADefaultUrlCallsOnlyTheJobsThatNameAWebhook() {
        String key = TestAccounts.newUserKey();
        TestAccounts.as(key).contentType(ContentType.JSON).body("{}").put("/api/v1/accounts/me/webhook")
                .then().statusCode(200).body("secret", notNullValue()).body("url", nullValue());
        UUID silent = submit(key);
        UUID calling = submit(key, hook("/hook"));

        TestAccounts.as(key).delete("/api/v1/jobs/" + silent).then().statusCode(200);
        TestAccounts.as(key).delete("/api/v1/jobs/" + calling).then().statusCode(200);

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(read(received.get(0).get("body")).path("data").path("id").asText()).isEqualTo(calling.toString());
        TestAccounts.as(key).get("/api/v1/jobs/" + silent + "/webhook-deliveries").then().body("size()", is(0));
    }

    @Test
    void aJobsWebhookNeedsTheAccountsSecretAndAUrlTheGatewayMayCall() {
        String key = TestAccounts.newUserKey();
        submitting(key, hook("/hook")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("webhook"))
                .body("errors[0].message", containsString("PUT /api/v1/accounts/me/webhook"));
        register(key, "/hook").then().statusCode(200);
        submitting(key, "ftp://example.org/hook").statusCode(400).body("errors[0].field", equalTo("webhook"))
                .body("errors[0].message", containsString("https"));
        submitting(key, "x".repeat(2001)).statusCode(400).body("errors[0].field", containsString("webhook"));
    }

    private Response register(String key, String path) {
        return TestAccounts.as(key).contentType(ContentType.JSON).body("{\"url\":\"" + hook(path) + "\"}")
                .put("/api/v1/accounts/me/webhook");
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("A delivery's body is not JSON: " + body, e);
        }
    }

    private static UUID submit(String key) {
        return UUID.fromString(TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":1}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));
    }

    private static UUID submit(String key, String webhook) {
        return UUID.fromString(submitting(key, webhook).statusCode(202).extract().path("id"));
    }

    private static ValidatableResponse submitting(String key, String webhook) {
        return TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":1,\"webhook\":\"" + webhook
                        + "\"}")
                .post("/api/v1/jobs/generations").then();
    }
}
