package io.pinxit.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the gateway's OpenAPI document against every kind of caller: anonymous, a revoked key, an
 * expired key, a key without the operation's scope, a key with it, another account's key on a resource it does not
 * own, and an administrator's key. The operations come from the document the gateway serves, so a new operation
 * without a row in {@link #ROWS} fails this test until someone says what it reads or changes.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class AuthorisationMatrixTest extends WorkerStandInTest {

    /** What an operation's {id} names, and so whose it is. */
    enum Owned { NOTHING, JOB, KEY, STYLE, ARTWORK }

    /**
     * What an operation needs and how to call it: the scope a key must hold ({@link #ANY_KEY}: only a valid key),
     * what its path's {id} names, and the body it is sent (a wrong one will do: only who is let in is tested).
     */
    record Row(String scope, Owned owned, String body) {
    }

    static final String ANY_KEY = "";
    static final String JSON = "{}";
    static final String FORM = "multipart";
    static final Map<String, Row> ROWS = Map.ofEntries(
            Map.entry("createAccount", new Row("accounts:admin", Owned.NOTHING, JSON)),
            Map.entry("setAccountLimits", new Row("accounts:admin", Owned.NOTHING, JSON)),
            Map.entry("getCaller", new Row(ANY_KEY, Owned.NOTHING, null)),
            Map.entry("getWebhook", new Row("jobs:read", Owned.NOTHING, null)),
            Map.entry("removeWebhook", new Row("jobs:submit", Owned.NOTHING, null)),
            Map.entry("registerWebhook", new Row("jobs:submit", Owned.NOTHING, JSON)),
            Map.entry("listDeadLetters", new Row("jobs:admin", Owned.NOTHING, null)),
            Map.entry("replayDeadLetters", new Row("jobs:admin", Owned.NOTHING, null)),
            Map.entry("replayDeadLetter", new Row("jobs:admin", Owned.NOTHING, null)),
            Map.entry("reproduceArtwork", new Row("jobs:submit", Owned.ARTWORK, JSON)),
            Map.entry("listJobs", new Row("jobs:read", Owned.NOTHING, null)),
            Map.entry("submitGeneration", new Row("jobs:submit", Owned.NOTHING, JSON)),
            Map.entry("submitInterpolation", new Row("jobs:submit", Owned.NOTHING, JSON)),
            Map.entry("submitStyleTransfer", new Row("jobs:submit", Owned.NOTHING, FORM)),
            Map.entry("submitUpscale", new Row("jobs:submit", Owned.NOTHING, JSON)),
            Map.entry("getJob", new Row("jobs:read", Owned.JOB, null)),
            Map.entry("cancelJob", new Row("jobs:submit", Owned.JOB, null)),
            Map.entry("followJob", new Row("jobs:read", Owned.JOB, null)),
            Map.entry("listWebhookDeliveries", new Row("jobs:read", Owned.JOB, null)),
            Map.entry("listKeys", new Row("keys:manage", Owned.NOTHING, null)),
            Map.entry("issueKey", new Row("keys:manage", Owned.NOTHING, JSON)),
            Map.entry("revokeKey", new Row("keys:manage", Owned.KEY, null)),
            Map.entry("registerModel", new Row("accounts:admin", Owned.NOTHING, FORM)),
            Map.entry("listModels", new Row(ANY_KEY, Owned.NOTHING, null)),
            Map.entry("saveStyle", new Row("jobs:submit", Owned.NOTHING, FORM)),
            Map.entry("listStyles", new Row("jobs:read", Owned.NOTHING, null)),
            Map.entry("getStyle", new Row("jobs:read", Owned.STYLE, null)),
            Map.entry("getStyleImage", new Row("jobs:read", Owned.STYLE, null)),
            Map.entry("trainStyle", new Row("jobs:submit", Owned.STYLE, JSON)));
    static final Set<String> USER_SCOPES = Set.of("jobs:submit", "jobs:read", "keys:manage");

    record Operation(String id, String method, String path, List<String> scopes) {
        @Override
        public String toString() {
            return id + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    /** The resources of one account that the others must not reach. */
    record Owner(String key, String jobId, String keyId) {
    }

    @Test
    void everyOperationAnswersEveryKindOfCallerAsItsScopesAndOwnershipSay() throws Exception {
        KafkaTestSupport.serveTheModel(kafka);
        List<Operation> operations = operations();
        assertThat(operations.stream().map(Operation::id)).as("operations with a row in ROWS")
                .containsExactlyInAnyOrderElementsOf(ROWS.keySet());

        for (Operation operation : operations) {
            String scope = ROWS.get(operation.id()).scope();
            assertThat(operation.scopes()).as("scopes the document names for %s", operation)
                    .isEqualTo(scope.equals(ANY_KEY) ? List.of() : List.of(scope));
        }

        Owner alice = owner(TestAccounts.newUserKey());
        String bob = TestAccounts.newUserKey();
        IssuedKey revoked = issue(alice.key(), "{\"name\":\"revoked\"}");
        TestAccounts.as(alice.key()).delete("/api/v1/keys/" + revoked.id()).then().statusCode(204);
        String expired = issue(alice.key(), "{\"name\":\"expired\",\"expiresAt\":\""
                + Instant.now().plusSeconds(1) + "\"}").secret();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestAccounts.as(expired).get("/api/v1/accounts/me").statusCode() == 401);

        var failures = new ArrayList<String>();
        for (Operation operation : operations) {
            String scope = ROWS.get(operation.id()).scope();
            expect(failures, operation, "anonymous", call(given(), operation, alice), 401);
            expect(failures, operation, "a revoked key", call(TestAccounts.as(revoked.secret()), operation, alice), 401);
            expect(failures, operation, "an expired key", call(TestAccounts.as(expired), operation, alice), 401);
            if (!scope.equals(ANY_KEY)) {
                expect(failures, operation, "a key without " + scope,
                        call(TestAccounts.as(keyWithout(alice.key(), scope)), operation, alice), 403);
            }
            if (scope.equals(ANY_KEY) || USER_SCOPES.contains(scope)) {
                permitted(failures, operation, "its owner's key", call(TestAccounts.as(alice.key()), operation, alice));
            }
            if (ROWS.get(operation.id()).owned() == Owned.JOB || ROWS.get(operation.id()).owned() == Owned.KEY) {
                expect(failures, operation, "another account's key", call(TestAccounts.as(bob), operation, alice), 404);
            }
            permitted(failures, operation, "an administrator's key", call(TestAccounts.asAdmin(), operation, alice));
        }
        assertThat(failures).as("answers that differ from the matrix").isEmpty();
    }

    private List<Operation> operations() throws Exception {
        JsonNode document = json.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        var operations = new ArrayList<Operation>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                var scopes = new ArrayList<String>();
                method.getValue().path("x-pinxit-scopes").forEach(s -> scopes.add(s.asText()));
                operations.add(new Operation(method.getValue().path("operationId").asText(), method.getKey(),
                        path.getKey(), scopes));
            }
        }));
        return operations;
    }

    /** An account with a job (cancelled, so that its event stream ends at once) and a second key. */
    private Owner owner(String key) {
        String job = TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":1}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id");
        TestAccounts.as(key).delete("/api/v1/jobs/" + job).then().statusCode(200);
        return new Owner(key, job, issue(key, "{\"name\":\"spare\"}").id());
    }

    private static int call(RequestSpecification caller, Operation operation, Owner owner) {
        RequestSpecification request = caller.config(RestAssuredConfig.config().httpClient(HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 10_000)));
        Row row = ROWS.get(operation.id());
        if (FORM.equals(row.body())) {
            request = request.multiPart("unrelated", "nothing");
        } else if (row.body() != null) {
            request = request.contentType(ContentType.JSON).body(row.body());
        }
        String id = switch (row.owned()) {
            case JOB -> owner.jobId();
            case KEY -> owner.keyId();
            case STYLE, ARTWORK, NOTHING -> UUID.randomUUID().toString();
        };
        String path = operation.path().replace("{id}", id).replace("{topic}", "pinxit.generation.commands.dlq")
                .replace("{partition}", "0").replace("{offset}", "0");
        return request.request(operation.method(), path).statusCode();
    }

    private static void expect(List<String> failures, Operation operation, String caller, int status, int expected) {
        if (status != expected) {
            failures.add(operation + " as " + caller + ": " + status + ", expected " + expected);
        }
    }

    /** A caller the operation lets in: whatever it answers, it is not a refusal of the caller, nor a server error. */
    private static void permitted(List<String> failures, Operation operation, String caller, int status) {
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(operation + " as " + caller + ": " + status + ", expected it to be let in");
        }
    }

    /** A key of the same account holding every user scope but the one the operation needs. */
    private static String keyWithout(String key, String needed) {
        Set<String> scopes = USER_SCOPES.stream().filter(s -> !s.equals(needed)).collect(Collectors.toSet());
        return issue(key, "{\"name\":\"without\",\"scopes\":[" + scopes.stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",")) + "]}").secret();
    }

    record IssuedKey(String id, String secret) {
    }

    private static IssuedKey issue(String key, String request) {
        var issued = TestAccounts.as(key).contentType(ContentType.JSON).body(request)
                .post("/api/v1/keys").then().statusCode(201).extract();
        return new IssuedKey(issued.path("id"), issued.path("secret"));
    }
}
