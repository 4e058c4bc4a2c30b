package io.pinxit.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gallery's sign-in sessions against the real gateway: the browser holds an opaque session id, never the key; a
 * form posted without its session's token (as another site would make a browser post it) changes nothing; signing out
 * ends the session on the server; and a session ends with its key.
 */
@ExtendWith(RunningSuite.Extension.class)
class GallerySessionsTest {

    /** How long the gallery may still trust a key the gateway has revoked (its key-owner cache, plus a margin). */
    private static final Duration KEY_CHECK_MEMORY = Duration.ofSeconds(45);

    private static RunningSuite suite;

    @BeforeAll
    static void useTheRunningSuite(RunningSuite running) {
        suite = running;
    }

    @Test
    void signingInGivesTheBrowserAnOpaqueSessionNotTheKey() {
        Accounts.Account ada = Accounts.make(suite, "ada");

        var signedIn = SignedInBrowser.postSignIn(suite.gallery(), ada.key());

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("pinxit_session=").contains("HttpOnly", "SameSite=Strict").doesNotContain(ada.key()));
        String session = signedIn.cookie("pinxit_session");
        assertThat(session).hasSize(43).doesNotContain(ada.key().substring(4));
        new SignedInBrowser(suite.gallery(), session).request().get("/").then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body(containsString("Signed in as <a href=\"/?author=" + ada.id() + "\">" + ada.name() + "</a>"));
    }

    @Test
    void aFormPostedWithoutItsSessionsTokenSubmitsNothing() {
        Accounts.Account ada = Accounts.make(suite, "ada");
        String artwork = ada.generateOne("PUBLIC", 5);
        SignedInBrowser browser = SignedInBrowser.signIn(suite.gallery(), ada.key());
        String path = "/artworks/" + artwork + "/reproduce";

        browser.request().contentType(ContentType.URLENC).post(path).then()
                .statusCode(403).contentType(ContentType.HTML).body(containsString("nothing was submitted"));
        browser.request().formParam("csrf", "A".repeat(43)).post(path).then().statusCode(403);
        assertThat(jobCount(ada)).as("only the job that made the artwork").isEqualTo(1);

        browser.request().formParam("csrf", browser.formTokenOn("/artworks/" + artwork)).post(path).then()
                .statusCode(303).header("Location", containsString("/jobs/"));
        assertThat(jobCount(ada)).isEqualTo(2);
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        Accounts.Account ada = Accounts.make(suite, "ada");
        SignedInBrowser browser = SignedInBrowser.signIn(suite.gallery(), ada.key());

        browser.request().formParam("csrf", "forged").post("/sign-out").then().statusCode(403);
        browser.request().get("/").then().body(containsString("Signed in as"));

        browser.request().formParam("csrf", browser.formTokenOn("/")).post("/sign-out").then().statusCode(303)
                .header("Set-Cookie", startsWith("pinxit_session=;"));
        browser.request().get("/").then().statusCode(200).body(not(containsString("Signed in as")));
    }

    @Test
    void revokingTheKeyEndsTheSessionsSignedInWithIt() {
        Accounts.Account ada = Accounts.make(suite, "ada");
        JsonPath second = ada.atGateway().contentType(ContentType.JSON).body("{\"name\":\"browser\"}")
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        SignedInBrowser browser = SignedInBrowser.signIn(suite.gallery(), second.getString("secret"));
        browser.request().get("/").then().body(containsString("Signed in as"));

        ada.atGateway().delete("/api/v1/keys/" + second.getString("id")).then().statusCode(204);

        await().atMost(KEY_CHECK_MEMORY).pollInterval(Duration.ofSeconds(2)).until(() ->
                !browser.request().get("/").asString().contains("Signed in as"));
        browser.request().get("/jobs").then().statusCode(401);
    }

    private static int jobCount(Accounts.Account account) {
        return account.atGateway().get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("items")
                .size();
    }
}
