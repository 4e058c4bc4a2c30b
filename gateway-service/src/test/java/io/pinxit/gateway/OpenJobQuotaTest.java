package io.pinxit.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One account cannot fill the queues: beyond its limit of open jobs, a submission is 429 until one ends. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class OpenJobQuotaTest extends WorkerStandInTest {

    @Test
    void anAccountWithAsManyOpenJobsAsItMayHaveIsRefusedUntilOneEnds() {
        KafkaTestSupport.serveTheModel(kafka);
        String key = TestAccounts.newUserKey();
        String account = TestAccounts.as(key).get("/api/v1/accounts/me").then().extract().path("id");
        limit(account, "2").statusCode(200).body("openJobs", equalTo(2));

        String first = submit(key).statusCode(202).extract().path("id");
        submit(key).statusCode(202);
        submit(key).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("type", equalTo("urn:pinxit:problem:too-many-open-jobs"))
                .body("detail", containsString("may have 2 at once"));
        submit(TestAccounts.newUserKey()).statusCode(202);

        TestAccounts.as(key).delete("/api/v1/jobs/" + first).then().statusCode(200);
        submit(key).statusCode(202);
        submit(key).statusCode(429);

        limit(account, "null").statusCode(200).body("openJobs", nullValue());
        submit(key).statusCode(202);
    }

    @Test
    void aLimitIsAWholeNumberOfJobsForAnAccountThatExists() {
        String account = TestAccounts.as(TestAccounts.newUserKey()).get("/api/v1/accounts/me").then().extract().path("id");

        limit(account, "-1").statusCode(400).body("errors[0].field", containsString("openJobs"));
        limit(UUID.randomUUID().toString(), "5").statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:account-not-found"));
    }

    private static ValidatableResponse limit(String account, String openJobs) {
        return TestAccounts.asAdmin().contentType(ContentType.JSON).body("{\"openJobs\":" + openJobs + "}")
                .put("/api/v1/accounts/" + account + "/limits").then();
    }

    private static ValidatableResponse submit(String key) {
        return TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":1}")
                .post("/api/v1/jobs/generations").then();
    }
}
