package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the gallery's OpenAPI document against every kind of caller, with keys the real gateway issued:
 * anonymous, a revoked or expired key, the author's key with and without jobs:read, another account's key, and an
 * administrator's key with and without jobs:admin, on a private and an unlisted artwork; reports need a key, reviews
 * an administrator's. The operations come from the document the gallery serves, so a new operation without a row in
 * {@link #ROWS} fails this test.
 */
@ExtendWith(RunningSuite.Extension.class)
class GalleryAuthorisationMatrixTest {

    /**
     * What decides an operation's answer: nothing (anyone is served), the visibility of the artwork its {id} names,
     * that visibility and a key (a report), or an administrator's key (review).
     */
    enum Subject { NOTHING, ARTWORK, REPORT, REVIEW }

    /** An operation's subject, and the JSON body a POST sends (null: a multipart file). */
    record Row(Subject subject, String body) {
    }

    static final Map<String, Row> ROWS = Map.ofEntries(
            Map.entry("listArtworks", new Row(Subject.NOTHING, null)),
            Map.entry("getArtwork", new Row(Subject.ARTWORK, null)),
            Map.entry("getArtworkImage", new Row(Subject.ARTWORK, null)),
            Map.entry("getArtworkThumbnail", new Row(Subject.ARTWORK, null)),
            Map.entry("getArtworkLineage", new Row(Subject.ARTWORK, null)),
            Map.entry("listSimilarArtworks", new Row(Subject.ARTWORK, null)),
            Map.entry("verifyProvenanceLog", new Row(Subject.NOTHING, null)),
            Map.entry("verifyPicture", new Row(Subject.NOTHING, null)),
            Map.entry("requestReview", new Row(Subject.REPORT, "{\"reason\":\"checked by the matrix\"}")),
            Map.entry("listReviewQueue", new Row(Subject.REVIEW, null)),
            Map.entry("moderateArtwork", new Row(Subject.REVIEW, "{\"decision\":\"SHOWN\"}")));

    record Operation(String id, String method, String path) {
        @Override
        public String toString() {
            return id + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    @Test
    void everyOperationAnswersEveryKindOfCallerAsScopesAndVisibilitySay(RunningSuite suite) throws IOException {
        List<Operation> operations = operations(suite);
        assertThat(operations.stream().map(Operation::id)).as("operations with a row in ROWS")
                .containsExactlyInAnyOrderElementsOf(ROWS.keySet());
        Accounts.Account alice = Accounts.make(suite, "alice");
        Accounts.Account bob = Accounts.make(suite, "bob");
        String privateArtwork = alice.generateOne("PRIVATE", 11);
        String unlistedArtwork = alice.generateOne("UNLISTED", 12);
        String adminWithoutJobsAdmin = suite.asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"no jobs:admin\",\"scopes\":[\"jobs:read\",\"jobs:submit\"]}").post("/api/v1/keys")
                .then().statusCode(201).extract().path("secret");

        Map<String, String> refused = Map.of("a revoked key", alice.revokedKey(), "an expired key", alice.expiredKey());
        Map<String, String> outsiders = new LinkedHashMap<>();
        outsiders.put("anonymous", null);
        outsiders.put("the author's key without jobs:read", alice.keyWith("jobs:submit", "keys:manage"));
        outsiders.put("another account's key", bob.key());
        outsiders.put("an administrator's key without jobs:admin", adminWithoutJobsAdmin);
        Map<String, String> insiders = Map.of("the author's key", alice.key(), "an administrator's key",
                suite.adminKey());

        var failures = new ArrayList<String>();
        for (Operation operation : operations) {
            for (var caller : refused.entrySet()) {
                expect(failures, operation, caller.getKey(), call(suite, caller.getValue(), operation, privateArtwork),
                        Set.of(401));
            }
            Subject subject = ROWS.get(operation.id()).subject();
            if (subject == Subject.NOTHING) {
                for (var caller : outsiders.entrySet()) {
                    permitted(failures, operation, caller.getKey(), call(suite, caller.getValue(), operation, null));
                }
                continue;
            }
            if (subject == Subject.REVIEW) {
                for (var caller : outsiders.entrySet()) {
                    expect(failures, operation, caller.getKey(), call(suite, caller.getValue(), operation,
                            privateArtwork), Set.of(caller.getValue() == null ? 401 : 403));
                }
                expect(failures, operation, "the author's key", call(suite, alice.key(), operation, privateArtwork),
                        Set.of(403));
                expect(failures, operation, "an administrator's key", call(suite, suite.adminKey(), operation,
                        privateArtwork), Set.of(200));
                continue;
            }
            int served = subject == Subject.REPORT ? 201 : 200;
            for (var caller : outsiders.entrySet()) {
                if (subject == Subject.REPORT && caller.getValue() == null) {
                    expect(failures, operation, caller.getKey(), call(suite, null, operation, unlistedArtwork),
                            Set.of(401));
                    continue;
                }
                expect(failures, operation, caller.getKey() + " on a private artwork",
                        call(suite, caller.getValue(), operation, privateArtwork), Set.of(404));
                expect(failures, operation, caller.getKey() + " on an unlisted artwork",
                        call(suite, caller.getValue(), operation, unlistedArtwork), Set.of(served));
            }
            for (var caller : insiders.entrySet()) {
                expect(failures, operation, caller.getKey() + " on a private artwork",
                        call(suite, caller.getValue(), operation, privateArtwork), Set.of(served));
            }
        }
        assertThat(failures).as("answers that differ from the matrix").isEmpty();
    }

    private static List<Operation> operations(RunningSuite suite) throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().baseUri(suite.gallery()).accept(ContentType.JSON)
                .get("/q/openapi?format=json").asString());
        var operations = new ArrayList<Operation>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                operations.add(new Operation(method.getValue().path("operationId").asText(), method.getKey(),
                        path.getKey()));
            }
        }));
        return operations;
    }

    private static int call(RunningSuite suite, String key, Operation operation, String artwork) {
        RequestSpecification request = given().baseUri(suite.gallery());
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        String body = ROWS.get(operation.id()).body();
        if ("post".equals(operation.method())) {
            request = body == null ? request.multiPart("file", "nothing.png", new byte[] {1, 2, 3}, "image/png")
                    : request.contentType(ContentType.JSON).body(body);
        }
        return request.request(operation.method(), operation.path().replace("{id}", String.valueOf(artwork)))
                .statusCode();
    }

    private static void expect(List<String> failures, Operation operation, String caller, int status,
                               Set<Integer> expected) {
        if (!expected.contains(status)) {
            failures.add(operation + " as " + caller + ": " + status + ", expected " + expected);
        }
    }

    /** A caller the operation serves: whatever it answers, it is not a refusal of the caller, nor a server error. */
    private static void permitted(List<String> failures, Operation operation, String caller, int status) {
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(operation + " as " + caller + ": " + status + ", expected it to serve the caller");
        }
    }
}
