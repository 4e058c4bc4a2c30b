package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Signing a browser in and out. The gateway that knows keys is not running in these tests (its URL points at a
 * closed port), so a well-formed key can only be refused as "cannot be checked"; system-tests sign in for real.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class SignInPageTest {

    private static final String WELL_FORMED_KEY = "pxk_" + "A".repeat(43);

    @Test
    void everyPageOffersToSignIn() {
        given().get("/").then().statusCode(200).body(containsString("<a href=\"/sign-in\">Sign in</a>"));
        given().get("/sign-in").then().statusCode(200).contentType(ContentType.HTML)
                .body(allOf(containsString("<h1>Sign in</h1>"), containsString("type=\"password\"")));
    }

    @Test
    void somethingThatIsNotAKeyIsRefusedWithA400Page() {
        given().formParam("key", "let me in").post("/sign-in").then()
                .statusCode(400).contentType(ContentType.HTML)
                .body(containsString("That is not a Pinxit API key"))
                .header("Set-Cookie", nullValue());
    }

    @Test
    void aKeyThatCannotBeCheckedIsRefusedWithA503PageAndNoCookie() {
        given().formParam("key", WELL_FORMED_KEY).post("/sign-in").then()
                .statusCode(503).contentType(ContentType.HTML)
                .body(containsString("cannot be checked right now"))
                .header("Set-Cookie", nullValue());
    }

    @Test
    void aCookieWhoseKeyDoesNotWorkLeavesThePagesAnonymousRatherThanFailingThem() {
        given().cookie("pinxit_key", WELL_FORMED_KEY).get("/").then()
                .statusCode(200)
                .body(containsString("Sign in"))
                .body(not(containsString("Signed in as")));
    }

    @Test
    void signingOutClearsTheCookieAndReturnsToTheGrid() {
        given().redirects().follow(false).post("/sign-out").then()
                .statusCode(303)
                .header("Location", endsWith("/"))
                .header("Set-Cookie", allOf(containsString("pinxit_key=;"), containsString("Max-Age=0"),
                        containsString("HttpOnly"), containsString("SameSite=Strict")));
    }
}
