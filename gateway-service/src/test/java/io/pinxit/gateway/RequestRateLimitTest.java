package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** One account's runaway client cannot take the gateway from everyone: beyond its rate, a request is 429. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class RequestRateLimitTest {

    @Test
    void anAccountBeyondItsRateIsRefusedWithRetryAfterWhileOthersGoOn() {
        String key = TestAccounts.newUserKey();
        String account = me(key).statusCode(200).extract().path("id");
        limit(account, "{\"requestsPerMinute\":3}").statusCode(200).body("requestsPerMinute", equalTo(3));

        for (int request = 0; request < 3; request++) {
            me(key).statusCode(200);
        }
        String retryAfter = me(key).statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:too-many-requests"))
                .body("detail", containsString("3 requests a minute"))
                .extract().header("Retry-After");

        assertThat(Integer.parseInt(retryAfter)).as("one request comes back every 20 s").isBetween(1, 20);
        me(TestAccounts.newUserKey()).statusCode(200);
        limit(account, "{\"requestsPerMinute\":600}").statusCode(200);
        me(key).statusCode(200);
    }

    @Test
    void aRateIsAtLeastOneRequestAMinute() {
        String account = me(TestAccounts.newUserKey()).extract().path("id");

        limit(account, "{\"requestsPerMinute\":0}").statusCode(400)
                .body("errors[0].field", containsString("requestsPerMinute"));
    }

    private static ValidatableResponse me(String key) {
        return TestAccounts.as(key).get("/api/v1/accounts/me").then();
    }

    private static ValidatableResponse limit(String account, String limits) {
        return TestAccounts.asAdmin().contentType(ContentType.JSON).body(limits)
                .put("/api/v1/accounts/" + account + "/limits").then();
    }
}
