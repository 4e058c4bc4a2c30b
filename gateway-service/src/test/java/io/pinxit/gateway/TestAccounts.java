package io.pinxit.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** API keys for tests: the test profile's bootstrap admin key, and fresh user accounts made through the API. */
final class TestAccounts {

    static final String ADMIN_KEY = "pxk_TestsOnlyAdminKeyOfTheGatewayTestProfile000";

    private TestAccounts() {
    }

    static RequestSpecification asAdmin() {
        return as(ADMIN_KEY);
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Makes a user account and returns its first key. */
    static String newUserKey() {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"user-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                .post("/api/v1/accounts").then().statusCode(201).extract().path("firstKey.secret");
    }
}
