package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training a saved style into a fast style network: who may ask, the command it puts on Kafka, Idempotency-Key, and
 * the worker's progress and the network it made, as the job and its event stream show them.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleTrainingJobTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    StyleNetworks networks;

    @Test
    void aTrainingIsAcceptedAndItsCommandNamesTheStylesPictureStepsSeedAndOwner() throws Exception {
        String ada = TestAccounts.newUserKey();
        var style = savedStyle(ada, "PRIVATE");
        String styleId = style.path("id");

        var response = train(ada, styleId, "{\"steps\":500,\"seed\":9}", null)
                .statusCode(202)
                .body("kind", equalTo("STYLE_TRAINING"))
                .body("state", equalTo("QUEUED"))
                .body("request.styleId", equalTo(styleId))
                .body("request.name", equalTo(style.path("name")))
                .body("request.steps", equalTo(500))
                .body("request.seed", equalTo(9))
                .extract();
        UUID jobId = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + jobId);

        StyleTrainingCommand command = commandOf(jobId);
        assertThat(command.schemaVersion()).isEqualTo(StyleTrainingCommand.SCHEMA_VERSION);
        assertThat(command.styleId()).isEqualTo(UUID.fromString(styleId));
        assertThat(command.picture().imageSha256()).isEqualTo(style.path("image.sha256"));
        assertThat(command.picture().sha256()).isEqualTo(style.path("image.original.sha256"));
        assertThat(command.steps()).isEqualTo(500);
        assertThat(command.seed()).isEqualTo(9L);
        assertThat(command.requestedBy()).isEqualTo(accountIdOf(ada));
        assertThat(command.submittedAt()).isNotNull();
    }

    @Test
    void withoutABodyTheDefaultStepsAreTakenAndTheSeedDrawnIsRecorded() throws Exception {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");

        var response = TestAccounts.as(ada).post(trainPath(styleId)).then()
                .statusCode(202)
                .body("request.steps", equalTo(StyleTrainingCommand.DEFAULT_STEPS))
                .body("request.seed", notNullValue())
                .extract();

        StyleTrainingCommand command = commandOf(UUID.fromString(response.path("id")));
        assertThat(command.steps()).isEqualTo(StyleTrainingCommand.DEFAULT_STEPS);
        assertThat(command.seed()).isEqualTo(response.<Number>path("request.seed").longValue());
        train(ada, styleId, "{}", null).statusCode(202)
                .body("request.steps", equalTo(StyleTrainingCommand.DEFAULT_STEPS));
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameJobAndAnotherRequestUnderItIs422() {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");
        String otherStyleId = savedStyle(ada, "PUBLIC").path("id");
        String key = "train-" + UUID.randomUUID();

        String first = train(ada, styleId, "{\"steps\":100}", key).statusCode(202)
                .header("Idempotent-Replayed", "false").extract().path("id");
        String second = train(ada, styleId, "{\"steps\":100}", key).statusCode(202)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(second).isEqualTo(first);
        train(ada, styleId, "{\"steps\":200}", key).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:idempotency-key-reused"));
        train(ada, otherStyleId, "{\"steps\":100}", key).statusCode(422)
                .body("type", equalTo("urn:pinxit:problem:idempotency-key-reused"));
    }

    @Test
    void aStyleTheCallerMayNotSeeIsAnsweredAsUnknownWith404() {
        String ada = TestAccounts.newUserKey();
        String secret = savedStyle(TestAccounts.newUserKey(), "PRIVATE").path("id");

        train(ada, secret, null, null)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:style-not-found"));
        train(ada, UUID.randomUUID().toString(), null, null)
                .statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:style-not-found"));
    }

    @Test
    void onlyTheStylesOwnerOrAnAdministratorMayTrainIt() {
        String ada = TestAccounts.newUserKey();
        String bob = TestAccounts.newUserKey();
        String shared = savedStyle(ada, "PUBLIC").path("id");
        String secret = savedStyle(ada, "PRIVATE").path("id");
        String readOnly = TestAccounts.as(ada).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        train(bob, shared, null, null)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:forbidden"))
                .body("detail", containsString(shared));
        train(readOnly, shared, null, null)
                .statusCode(403)
                .body("type", equalTo("urn:pinxit:problem:forbidden"));
        train(TestAccounts.ADMIN_KEY, secret, null, null)
                .statusCode(202)
                .body("kind", equalTo("STYLE_TRAINING"));
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "{\"steps\":0}          | steps | invalid-request",
        "{\"steps\":20001}      | steps | invalid-request",
        "{\"seed\":-1}          | seed  | invalid-request",
        "{\"seed\":9007199254740992} | seed | invalid-request",
        "{\"steps\":\"many\"}   | steps | malformed-body",
        "{\"epochs\":3}         | epochs | malformed-body"})
    void stepsOrASeedOutOfRangeAreRejectedWith400(String body, String field, String type) {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");

        train(ada, styleId, body, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:" + type))
                .body("errors.field", hasItem(field));
    }

    @Test
    void optionsThatAreNotJsonAreRejectedWith415() {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");

        TestAccounts.as(ada).contentType(ContentType.TEXT).body("steps=100").post(trainPath(styleId)).then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void theWorkersProgressAndTheNetworkItMadeReachTheJobAndItsEventStream() throws Exception {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");
        UUID jobId = UUID.fromString(train(ada, styleId, "{\"steps\":300}", null).statusCode(202)
                .extract().path("id"));
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(
                () -> EventStreams.follow(baseUrl, json, ada, jobId, seen));
        await().atMost(PATIENCE).until(() -> !seen.isEmpty());

        String preview = Base64.getEncoder().encodeToString(TestImages.png(64, 64));
        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.STYLE_TRAINING, "style-1", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.progressed(jobId, JobKind.STYLE_TRAINING,
                JobProgress.of(150, 300).withPreview(preview), "style-1", Instant.now()));
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(view -> view.path("progress")
                .path("iteration").asInt() == 150));
        StyleNetwork network = TestStyleNetworks.trained(UUID.fromString(styleId), jobId, 300, Instant.now());
        assertThat(networks.record(network)).isTrue();
        TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("RUNNING"))
                .body("progress.total", equalTo(300))
                .body("progress.preview", equalTo(preview))
                .body("styleNetwork", nullValue());

        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.STYLE_TRAINING, List.of(), "style-1",
                Instant.now()));
        await().atMost(PATIENCE).until(stream::isDone);

        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.path("styleNetwork").path("id").asText()).isEqualTo(network.id().toString());
        assertThat(seen.subList(0, seen.size() - 1)).as("only a finished training names its network")
                .allMatch(view -> view.path("styleNetwork").isMissingNode());
        TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("artworkIds", equalTo(List.of()))
                .body("progress.iteration", equalTo(150))
                .body("styleNetwork.id", equalTo(network.id().toString()))
                .body("styleNetwork.styleId", equalTo(styleId))
                .body("styleNetwork.origin", equalTo("trained"))
                .body("styleNetwork.steps", equalTo(300))
                .body("styleNetwork.weightsSha256", equalTo(network.weightsSha256()));
        TestAccounts.as(ada).get("/api/v1/styles/" + styleId).then()
                .body("fastStyle.id", equalTo(network.id().toString()))
                .body("fastStyle.origin", equalTo("trained"));
    }

    @Test
    void aFailedTrainingNamesNoNetwork() {
        String ada = TestAccounts.newUserKey();
        String styleId = savedStyle(ada, "PUBLIC").path("id");
        UUID jobId = UUID.fromString(train(ada, styleId, null, null).statusCode(202).extract().path("id"));

        KafkaTestSupport.report(kafka, JobEvent.failed(jobId, JobKind.STYLE_TRAINING,
                new JobFailure("urn:pinxit:problem:style-training-failed", "Training failed",
                        "the loss diverged"), "style-1", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.as(ada).get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("FAILED"))
                .body("failure.detail", equalTo("the loss diverged"))
                .body("styleNetwork", nullValue()));
        TestAccounts.as(ada).get("/api/v1/styles/" + styleId).then().body("fastStyle", nullValue());
    }

    private StyleTrainingCommand commandOf(UUID jobId) throws Exception {
        return json.readValue(KafkaTestSupport.awaitCommand(kafka, Topics.STYLE_TRAINING_COMMANDS, jobId, PATIENCE)
                .value(), StyleTrainingCommand.class);
    }

    private static UUID accountIdOf(String key) {
        return UUID.fromString(TestAccounts.as(key).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("id"));
    }

    private static ExtractableResponse<Response> savedStyle(String key, String visibility) {
        return StyleLibraryTest.saveStyle(key, "Waves " + UUID.randomUUID(), visibility, TestImages.png(24, 24))
                .statusCode(201).extract();
    }

    private static String trainPath(String styleId) {
        return "/api/v1/styles/" + styleId + "/train";
    }

    /** Asks for a training; a null {@code body} sends none. */
    private static ValidatableResponse train(String key, String styleId, String body, String idempotencyKey) {
        var request = TestAccounts.as(key);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(trainPath(styleId)).then();
    }
}
