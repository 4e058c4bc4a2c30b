package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does to sign in to the gallery, over plain HTTP: it loads the sign-in page (which sets the form's
 * token in a cookie and in the form), posts the key with that token, and from then on sends the session's cookie and
 * puts the token a page's forms carry into what it posts.
 */
record SignedInBrowser(String gallery, String session) {

    static final String SESSION_COOKIE = "pinxit_session";
    private static final String SIGN_IN_COOKIE = "pinxit_sign_in";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    static SignedInBrowser signIn(String gallery, String key) {
        Response signedIn = postSignIn(gallery, key);
        assertThat(signedIn.statusCode()).as("signing in: %s", signedIn.asString()).isEqualTo(303);
        return new SignedInBrowser(gallery, signedIn.cookie(SESSION_COOKIE));
    }

    /** The gallery's answer to the sign-in form, filled in with {@code key}. */
    static Response postSignIn(String gallery, String key) {
        Response page = given().baseUri(gallery).get("/sign-in");
        return given().baseUri(gallery).redirects().follow(false)
                .cookie(SIGN_IN_COOKIE, page.cookie(SIGN_IN_COOKIE))
                .formParam("key", key).formParam("csrf", formTokenOf(page)).post("/sign-in");
    }

    /** A request as this browser makes it: with the session's cookie. */
    RequestSpecification request() {
        return given().baseUri(gallery).redirects().follow(false).cookie(SESSION_COOKIE, session);
    }

    /** The token of the first form on the page at {@code path}, as this browser sees it. */
    String formTokenOn(String path) {
        return formTokenOf(request().get(path));
    }

    private static String formTokenOf(Response page) {
        Matcher token = FORM_TOKEN.matcher(page.asString());
        assertThat(token.find()).as("a form token in %s", page.asString()).isTrue();
        return token.group(1);
    }
}
