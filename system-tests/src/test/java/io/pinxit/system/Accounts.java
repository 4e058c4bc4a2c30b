package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Accounts and keys made through the gateway's API, for tests that need callers other than the administrator. */
final class Accounts {

    /** An account of its own, with its first key (every user scope). */
    record Account(RunningSuite suite, String id, String name, String key) {

        RequestSpecification atGateway() {
            return atGateway(key);
        }

        RequestSpecification atGateway(String anyKey) {
            return given().baseUri(suite.gateway()).header("Authorization", "Bearer " + anyKey);
        }

        /** A second key of this account, holding only {@code scopes}. */
        String keyWith(String... scopes) {
            return issue("{\"name\":\"scoped\",\"scopes\":[\"" + String.join("\",\"", scopes) + "\"]}")
                    .getString("secret");
        }

        /** A key that the account revoked. */
        String revokedKey() {
            JsonPath issued = issue("{\"name\":\"revoked\"}");
            atGateway().delete("/api/v1/keys/" + issued.getString("id")).then().statusCode(204);
            return issued.getString("secret");
        }

        /** A key that has expired. */
        String expiredKey() {
            String secret = issue("{\"name\":\"expired\",\"expiresAt\":\"" + Instant.now().plusSeconds(1) + "\"}")
                    .getString("secret");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> atGateway(secret).get("/api/v1/accounts/me").statusCode() == 401);
            return secret;
        }

        /** Generates one picture with {@code visibility} and waits for it; its artwork's id. */
        String generateOne(String visibility, long seed) {
            String location = atGateway().contentType(ContentType.JSON)
                    .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":" + seed + ",\"visibility\":\""
                            + visibility + "\"}")
                    .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
            return suite.awaitSuccess(location).getList("artworkIds", String.class).get(0);
        }

        private JsonPath issue(String request) {
            return atGateway().contentType(ContentType.JSON).body(request).post("/api/v1/keys").then()
                    .statusCode(201).extract().jsonPath();
        }
    }

    private Accounts() {
    }

    static Account make(RunningSuite suite, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath account = suite.asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/accounts").then().statusCode(201).extract().jsonPath();
        return new Account(suite, account.getString("id"), name, account.getString("firstKey.secret"));
    }
}
