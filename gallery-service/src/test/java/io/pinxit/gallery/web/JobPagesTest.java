package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.pinxit.gallery.security.BrowserSession;
import io.pinxit.gallery.security.BrowserSessions;
import io.pinxit.gallery.security.SessionCookie;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pages' actions go to the gateway with the signed-in person's key. The gateway is not running here (its URL
 * points at a closed port); system-tests run the actions for real.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class JobPagesTest {

    private static final String WELL_FORMED_KEY = "pxk_" + "B".repeat(43);

    @Inject
    BrowserSessions sessions;

    @Test
    void anActionWithoutSigningInAsksToSignIn() {
        given().formParam("factor", 2).post("/artworks/" + UUID.randomUUID() + "/upscale").then()
                .statusCode(401).contentType(ContentType.HTML)
                .body(containsString("sign in, then try again"));
        given().formParam("model", "emoji-vae").formParam("strength", 0.3)
                .post("/artworks/" + UUID.randomUUID() + "/variations").then()
                .statusCode(401).contentType(ContentType.HTML);
        given().formParam("styleId", UUID.randomUUID().toString())
                .post("/artworks/" + UUID.randomUUID() + "/style-transfers").then()
                .statusCode(401).contentType(ContentType.HTML);
        given().get("/jobs/" + UUID.randomUUID()).then()
                .statusCode(401).contentType(ContentType.HTML);
        given().get("/jobs").then()
                .statusCode(401).contentType(ContentType.HTML);
    }

    @Test
    void aSessionWhoseKeyTheGatewayCannotConfirmActsAsNobody() {
        BrowserSession session = sessions.open(WELL_FORMED_KEY);
        given().cookie(SessionCookie.NAME, session.id()).formParam("csrf", session.formToken())
                .post("/artworks/" + UUID.randomUUID() + "/reproduce").then()
                .statusCode(401).contentType(ContentType.HTML)
                .body(containsString("sign in, then try again"));
    }
}
