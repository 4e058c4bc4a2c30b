package io.pinxit.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.pinxit.gateway.security.Accounts;
import io.pinxit.apikeys.KeySecrets;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what: API keys, accounts, and the authorship that every job records. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class IdentityTest {

    private static final String JOB = "{\"model\":\"emoji-dcgan\",\"count\":1}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Accounts accounts;

    @BeforeEach
    void announceTheServedModel() {
        try (var kafka = KafkaTestSupport.companion(bootstrapServers)) {
            KafkaTestSupport.announce(kafka, KafkaTestSupport.announcementOf(KafkaTestSupport.SERVED_MODEL));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/models")
                .then().body("id", hasItem(KafkaTestSupport.SERVED_MODEL)));
    }

    @Test
    void anAnonymousSubmissionIs401WithABearerChallenge() {
        given().contentType(ContentType.JSON).body(JOB).post("/api/v1/jobs/generations").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"pinxit\"")
                .body("type", equalTo("urn:pinxit:problem:unauthenticated"));
    }

    @Test
    void anUnknownKeyIs401() {
        TestAccounts.as(KeySecrets.newSecret()).contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API key is unknown, revoked or expired"));
    }

    @Test
    void aRevokedKeyIs401() {
        String userKey = TestAccounts.newUserKey();
        var second = TestAccounts.as(userKey).contentType(ContentType.JSON).body("{\"name\":\"laptop\"}")
                .post("/api/v1/keys").then().statusCode(201).extract();

        TestAccounts.as(userKey).delete("/api/v1/keys/" + second.path("id")).then().statusCode(204);

        TestAccounts.as(second.path("secret")).contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then().statusCode(401);
        TestAccounts.as(userKey).contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then().statusCode(202);
    }

    @Test
    void aRevokedBootstrapKeyStaysRevokedWhenTheGatewayStartsAgainAndANewOneRotatesIt() throws SQLException {
        String bootstrap = KeySecrets.newSecret();
        accounts.ensureAdminKey("admin", bootstrap);
        TestAccounts.as(bootstrap).delete("/api/v1/keys/" + keyIdOf(bootstrap)).then().statusCode(204);

        accounts.ensureAdminKey("admin", bootstrap);

        TestAccounts.as(bootstrap).get("/api/v1/accounts/me").then().statusCode(401);
        String rotated = KeySecrets.newSecret();
        accounts.ensureAdminKey("admin", rotated);
        TestAccounts.as(rotated).get("/api/v1/accounts/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    /** Issues a key with the given one; returns its secret. */
    private static String issue(String key, String request) {
        return TestAccounts.as(key).contentType(ContentType.JSON).body(request)
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
    }

    private UUID keyIdOf(String secret) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                "select id from gateway.api_key where secret_sha256 = ?")) {
            statement.setString(1, KeySecrets.hash(secret));
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    @Test
    void aCallerCanAskWhoItsKeyBelongsTo() {
        TestAccounts.asAdmin().get("/api/v1/accounts/me").then().statusCode(200)
                .body("name", equalTo("admin"))
                .body("role", equalTo("ADMIN"));
        TestAccounts.as(TestAccounts.newUserKey()).get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("USER"));
        given().get("/api/v1/accounts/me").then().statusCode(401);
    }

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsItsHash() throws SQLException {
        String userKey = TestAccounts.newUserKey();

        TestAccounts.as(userKey).get("/api/v1/keys").then().statusCode(200)
                .body("[0].secret", nullValue())
                .body("[0].scopes", hasItem("jobs:submit"));

        assertThat(rowsWhere("secret_sha256 = '" + KeySecrets.hash(userKey) + "'")).isEqualTo(1);
        assertThat(rowsWhere("secret_sha256 = '" + userKey + "'")).isZero();
    }

    @Test
    void aKeyWithoutTheSubmitScopeCannotSubmitJobs() {
        String readOnly = issue(TestAccounts.newUserKey(), "{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}");

        TestAccounts.as(readOnly).contentType(ContentType.JSON).body(JOB).post("/api/v1/jobs/generations").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAKeyThatManagesKeysIssuesListsOrRevokesThem() throws SQLException {
        String userKey = TestAccounts.newUserKey();
        String readOnly = issue(userKey, "{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}");
        UUID readOnlyId = keyIdOf(readOnly);

        TestAccounts.as(readOnly).contentType(ContentType.JSON).body("{\"name\":\"another\"}")
                .post("/api/v1/keys").then().statusCode(403).contentType("application/problem+json");
        TestAccounts.as(readOnly).get("/api/v1/keys").then().statusCode(403);
        TestAccounts.as(readOnly).delete("/api/v1/keys/" + readOnlyId).then().statusCode(403);
        TestAccounts.as(userKey).get("/api/v1/keys").then().statusCode(200)
                .body("find { it.name == 'first key' }.scopes", hasItem("keys:manage"));
    }

    @Test
    void aKeyCanOnlyPassOnTheScopesItHolds() {
        String reader = issue(TestAccounts.newUserKey(),
                "{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\",\"keys:manage\"]}");

        TestAccounts.as(reader).contentType(ContentType.JSON)
                .body("{\"name\":\"escalation\",\"scopes\":[\"jobs:read\",\"jobs:submit\"]}")
                .post("/api/v1/keys").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:scope-not-allowed"))
                .body("errors[0].message", containsString("jobs:submit"));
        TestAccounts.as(reader).contentType(ContentType.JSON).body("{\"name\":\"another dashboard\"}")
                .post("/api/v1/keys").then().statusCode(201)
                .body("scopes", equalTo(List.of("jobs:read", "keys:manage")));
    }

    @Test
    void anAdminsReadOnlyKeyCannotMintAnAdminKey() {
        String readOnlyAdmin = issue(TestAccounts.ADMIN_KEY,
                "{\"name\":\"admin dashboard\",\"scopes\":[\"jobs:read\",\"keys:manage\"]}");

        TestAccounts.as(readOnlyAdmin).contentType(ContentType.JSON)
                .body("{\"name\":\"escalation\",\"scopes\":[\"accounts:admin\"]}")
                .post("/api/v1/keys").then().statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:scope-not-allowed"));
    }

    @Test
    void anAdministratorActsOnOtherAccountsWorkOnlyWithAKeyThatHoldsJobsAdmin() {
        String id = TestAccounts.as(TestAccounts.newUserKey()).contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id");
        String adminsReader = issue(TestAccounts.ADMIN_KEY,
                "{\"name\":\"admin reader\",\"scopes\":[\"jobs:read\"]}");

        TestAccounts.asAdmin().get("/api/v1/jobs/" + id).then().statusCode(200);
        TestAccounts.as(adminsReader).get("/api/v1/jobs/" + id).then().statusCode(404);
        TestAccounts.as(adminsReader).get("/api/v1/jobs?author=all").then().statusCode(403)
                .body("errors[0].field", equalTo("author"));
        TestAccounts.as(adminsReader).get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"))
                .body("scopes", equalTo(List.of("jobs:read")));
    }

    @Test
    void aKeyStopsWorkingWhenItExpiresAndCannotOutliveTheKeyThatIssuedIt() {
        String userKey = TestAccounts.newUserKey();
        Instant soon = Instant.now().plusSeconds(3);
        String shortLived = issue(userKey, "{\"name\":\"demo\",\"expiresAt\":\"" + soon + "\"}");

        TestAccounts.as(shortLived).get("/api/v1/keys").then().statusCode(200)
                .body("find { it.name == 'demo' }.expiresAt", notNullValue());
        TestAccounts.as(shortLived).contentType(ContentType.JSON)
                .body("{\"name\":\"forever\",\"expiresAt\":\"" + soon.plusSeconds(3600) + "\"}")
                .post("/api/v1/keys").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        String child = issue(shortLived, "{\"name\":\"inherits\"}");
        TestAccounts.as(userKey).contentType(ContentType.JSON)
                .body("{\"name\":\"born expired\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/v1/keys").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TestAccounts.as(shortLived).get("/api/v1/accounts/me").then().statusCode(401)
                    .contentType("application/problem+json");
            TestAccounts.as(child).get("/api/v1/accounts/me").then().statusCode(401);
        });
        TestAccounts.as(userKey).get("/api/v1/accounts/me").then().statusCode(200);
    }

    @Test
    void aUserCannotMakeAccountsOrAskForAdminScopes() {
        String userKey = TestAccounts.newUserKey();

        TestAccounts.as(userKey).contentType(ContentType.JSON).body("{\"name\":\"someone-else\"}")
                .post("/api/v1/accounts").then().statusCode(403);
        TestAccounts.as(userKey).contentType(ContentType.JSON)
                .body("{\"name\":\"sneaky\",\"scopes\":[\"accounts:admin\"]}")
                .post("/api/v1/keys").then().statusCode(400)
                .body("errors[0].field", equalTo("scopes"));
    }

    @Test
    void anotherAuthorsJobIsAnsweredAsIfItDidNotExist() {
        String alice = TestAccounts.newUserKey();
        String bob = TestAccounts.newUserKey();
        String id = TestAccounts.as(alice).contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id");

        TestAccounts.as(bob).get("/api/v1/jobs/" + id).then().statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:job-not-found"));
        TestAccounts.as(bob).get("/api/v1/jobs/" + id + "/events").then().statusCode(404);
        TestAccounts.as(alice).get("/api/v1/jobs/" + id).then().statusCode(200);
        TestAccounts.asAdmin().get("/api/v1/jobs/" + id).then().statusCode(200);
    }

    @Test
    void theSameIdempotencyKeyFromTwoAuthorsMakesTwoJobs() {
        String alice = TestAccounts.newUserKey();
        String bob = TestAccounts.newUserKey();

        String first = TestAccounts.as(alice).contentType(ContentType.JSON).header("Idempotency-Key", "same")
                .body(JOB).post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id");
        TestAccounts.as(bob).contentType(ContentType.JSON).header("Idempotency-Key", "same")
                .body(JOB).post("/api/v1/jobs/generations").then().statusCode(202)
                .body("id", not(equalTo(first)));
    }

    @Test
    void aJobRecordsItsAuthorsTitleLicenceAndVisibility() {
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"title\":\"Sunny\",\"licence\":\"CC-BY-4.0\","
                        + "\"visibility\":\"UNLISTED\"}")
                .post("/api/v1/jobs/generations").then().statusCode(202)
                .body("request.title", equalTo("Sunny"))
                .body("request.licence", equalTo("CC-BY-4.0"))
                .body("request.visibility", equalTo("UNLISTED"));
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(JOB)
                .post("/api/v1/jobs/generations").then().statusCode(202)
                .body("request.licence", equalTo("LicenseRef-All-Rights-Reserved"))
                .body("request.visibility", equalTo("PUBLIC"));
    }

    @Test
    void aLicenceThatIsNotOfferedIs400NamingTheLicence() {
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"licence\":\"WTFPL\"}")
                .post("/api/v1/jobs/generations").then().statusCode(400)
                .body("errors[0].field", equalTo("licence"));
    }

    private long rowsWhere(String condition) throws SQLException {
        try (var connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("select count(*) from gateway.api_key where "
                     + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
