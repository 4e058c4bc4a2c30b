package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "My jobs": GET /api/v1/jobs lists the caller's jobs newest first, a keyset page at a time, with filters. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class JobListingTest extends WorkerStandInTest {

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void theCallersJobsComeNewestFirstAPageAtATimeAndNoOneElses() {
        String key = TestAccounts.newUserKey();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(0, submit(key, 1).toString());
        }
        submit(TestAccounts.newUserKey(), 1);

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            var request = TestAccounts.as(key).queryParam("limit", 2);
            if (next != null) {
                request.queryParam("cursor", next);
            }
            Response page = request.get("/api/v1/jobs").then().statusCode(200).extract().response();
            seen.addAll(page.path("items.id"));
            next = page.path("next");
            if (next != null) {
                assertThat(page.header("Link")).startsWith("</api/v1/jobs?").contains("cursor=" + next)
                        .contains("limit=2").endsWith(">; rel=\"next\"");
            }
        } while (next != null);

        assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void filtersByStateKindModelAndTime() {
        String key = TestAccounts.newUserKey();
        UUID succeeded = submit(key, 1);
        Instant between = aMomentLater(Instant.now());
        aMomentLater(between);
        UUID queued = submit(key, 2);
        KafkaTestSupport.report(kafka, JobEvent.succeeded(succeeded, JobKind.GENERATION, List.of(UUID.randomUUID()),
                "w", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.as(key)
                .get("/api/v1/jobs/" + succeeded).then().body("state", equalTo("SUCCEEDED")));

        assertThat(ids(key, "state", "succeeded")).containsExactly(succeeded.toString());
        assertThat(ids(key, "state", "QUEUED,RUNNING")).containsExactly(queued.toString());
        assertThat(ids(key, "kind", "GENERATION")).containsExactly(queued.toString(), succeeded.toString());
        assertThat(ids(key, "kind", "STYLE_TRANSFER")).isEmpty();
        assertThat(ids(key, "model", KafkaTestSupport.SERVED_MODEL)).hasSize(2);
        assertThat(ids(key, "model", "emoji-vae")).isEmpty();
        assertThat(ids(key, "from", between.toString())).containsExactly(queued.toString());
        assertThat(ids(key, "until", between.toString())).containsExactly(succeeded.toString());
    }

    @Test
    void anAdministratorListsOneAuthorsOrEveryonesJobs() {
        String key = TestAccounts.newUserKey();
        UUID job = submit(key, 1);
        String authorId = TestAccounts.as(key).get("/api/v1/accounts/me").then().extract().path("id");

        TestAccounts.asAdmin().queryParam("author", authorId).get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", equalTo(List.of(job.toString())));
        TestAccounts.asAdmin().queryParam("author", "all").get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", hasItem(job.toString()));
        TestAccounts.asAdmin().get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", not(hasItem(job.toString())));
    }

    @Test
    void someoneElsesJobsAreForbiddenAndBadFiltersNameTheirParameter() {
        String key = TestAccounts.newUserKey();
        TestAccounts.as(key).queryParam("author", "all").get("/api/v1/jobs").then().statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("author"));
        TestAccounts.as(key).queryParam("author", UUID.randomUUID()).get("/api/v1/jobs").then().statusCode(403);

        badParameter(key, "state", "DONE", "'DONE' is not one of");
        badParameter(key, "kind", "PAINTING", "'PAINTING' is not one of");
        badParameter(key, "from", "yesterday", "RFC 3339");
        badParameter(key, "cursor", "not-a-cursor", "is not a cursor");
        badParameter(key, "author", "someone", "an account id");
        TestAccounts.as(key).queryParam("from", "2026-12-07T10:00:00Z").queryParam("until", "2026-12-07T09:00:00Z")
                .get("/api/v1/jobs").then().statusCode(400).body("errors[0].field", equalTo("until"));
        TestAccounts.as(key).queryParam("limit", 0).get("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aReadOnlyKeyListsAndAnonymousCallersAreAskedForAKey() {
        String key = TestAccounts.newUserKey();
        UUID job = submit(key, 1);
        String readOnly = TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        TestAccounts.as(readOnly).get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", equalTo(List.of(job.toString())))
                .body("next", nullValue());
        io.restassured.RestAssured.given().get("/api/v1/jobs").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** An instant a few milliseconds after {@code instant}, once it has passed: ids are made to the millisecond. */
    private static Instant aMomentLater(Instant instant) {
        Instant later = instant.plusMillis(3);
        await().until(() -> Instant.now().isAfter(later));
        return later;
    }

    private static List<String> ids(String key, String parameter, String value) {
        return TestAccounts.as(key).queryParam(parameter, value).get("/api/v1/jobs").then().statusCode(200)
                .extract().path("items.id");
    }

    private static void badParameter(String key, String parameter, String value, String message) {
        TestAccounts.as(key).queryParam(parameter, value).get("/api/v1/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", containsString(message));
    }

    private static UUID submit(String key, int count) {
        return UUID.fromString(TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":" + count + "}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));
    }
}
