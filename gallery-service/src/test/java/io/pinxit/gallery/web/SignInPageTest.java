package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.gallery.security.BrowserSession;
import io.pinxit.gallery.security.BrowserSessions;
import io.pinxit.gallery.security.SessionCookie;
import io.pinxit.gallery.security.SignInForm;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing a browser in and out. The gateway that knows keys is not running in these tests (its URL points at a
 * closed port), so a well-formed key can only be refused as "cannot be checked"; system-tests sign in for real.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class SignInPageTest {

    private static final String WELL_FORMED_KEY = "pxk_" + "A".repeat(43);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    @Inject
    BrowserSessions sessions;

    @Test
    void everyPageOffersToSignIn() {
        given().get("/").then().statusCode(200).body(containsString("<a href=\"/sign-in\">Sign in</a>"));
        given().get("/sign-in").then().statusCode(200).contentType(ContentType.HTML)
                .body(allOf(containsString("<h1>Sign in</h1>"), containsString("type=\"password\"")));
    }

    @Test
    void theSignInFormCarriesTheTokenItsCookieHoldsAndNoCacheKeepsIt() {
        Response page = given().get("/sign-in");

        page.then().header("Cache-Control", "no-store")
                .header("Set-Cookie", allOf(containsString("Path=/sign-in"), containsString("HttpOnly"),
                        containsString("SameSite=Strict")));
        assertThat(formTokenOf(page)).isEqualTo(page.cookie(SignInForm.COOKIE));
        assertThat(formTokenOf(given().get("/sign-in"))).as("a fresh token for every form")
                .isNotEqualTo(formTokenOf(page));
    }

    @Test
    void aSignInPostedWithoutItsFormsTokenIsRefusedSoNoOtherSiteCanSignABrowserIn() {
        Response page = given().get("/sign-in");
        String token = formTokenOf(page);
        String otherToken = formTokenOf(given().get("/sign-in"));

        given().formParam("key", WELL_FORMED_KEY).post("/sign-in").then()
                .statusCode(403).body(containsString("out of date or was sent from another site"))
                .header("Set-Cookie", not(containsString(SessionCookie.NAME)));
        // the token without its cookie, and the cookie with another form's token
        given().formParam("key", WELL_FORMED_KEY).formParam("csrf", token).post("/sign-in").then().statusCode(403);
        given().cookie(SignInForm.COOKIE, token).formParam("key", WELL_FORMED_KEY).formParam("csrf", otherToken)
                .post("/sign-in").then().statusCode(403);
    }

    @Test
    void somethingThatIsNotAKeyIsRefusedWithA400Page() {
        signIn("let me in").then()
                .statusCode(400).contentType(ContentType.HTML)
                .body(containsString("That is not a Pinxit API key"))
                .header("Set-Cookie", not(containsString(SessionCookie.NAME)));
    }

    @Test
    void aKeyThatCannotBeCheckedIsRefusedWithA503PageAndNoSession() {
        signIn(WELL_FORMED_KEY).then()
                .statusCode(503).contentType(ContentType.HTML)
                .body(containsString("cannot be checked right now"))
                .header("Set-Cookie", not(containsString(SessionCookie.NAME)));
    }

    @Test
    void aCookieThatNamesNoLiveSessionLeavesThePagesAnonymousRatherThanFailingThem() {
        BrowserSession unconfirmed = sessions.open(WELL_FORMED_KEY);
        for (String session : new String[] {"not a session", "A".repeat(43), unconfirmed.id()}) {
            given().cookie(SessionCookie.NAME, session).get("/").then()
                    .statusCode(200)
                    .body(containsString("Sign in"))
                    .body(not(containsString("Signed in as")));
        }
    }

    @Test
    void signingOutEndsTheSessionClearsTheCookieAndReturnsToTheGrid() {
        BrowserSession session = sessions.open(WELL_FORMED_KEY);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session.id())
                .formParam("csrf", session.formToken()).post("/sign-out").then()
                .statusCode(303)
                .header("Location", endsWith("/"))
                .header("Set-Cookie", allOf(containsString(SessionCookie.NAME + "=;"), containsString("Max-Age=0"),
                        containsString("HttpOnly"), containsString("SameSite=Strict")));
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void aSignOutPostedWithoutTheSessionsTokenEndsNothing() {
        BrowserSession session = sessions.open(WELL_FORMED_KEY);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session.id()).formParam("csrf", "forged")
                .post("/sign-out").then()
                .statusCode(403).contentType(ContentType.HTML)
                .header("Set-Cookie", nullValue());
        assertThat(sessions.find(session.id())).isPresent();
    }

    private static Response signIn(String key) {
        Response page = given().get("/sign-in");
        return given().cookie(SignInForm.COOKIE, page.cookie(SignInForm.COOKIE))
                .formParam("key", key).formParam("csrf", formTokenOf(page)).post("/sign-in");
    }

    private static String formTokenOf(Response page) {
        Matcher token = FORM_TOKEN.matcher(page.asString());
        assertThat(token.find()).as("a form token in %s", page.asString()).isTrue();
        return token.group(1);
    }
}
