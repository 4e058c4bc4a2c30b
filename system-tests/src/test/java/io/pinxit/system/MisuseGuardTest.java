package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The misuse guard end to end: every picture a worker makes is screened and the check recorded with it, in its
 * provenance record and its signed manifest; a viewer
 * reports it, an administrator hides it from everyone but its author, the author appeals, and a deleted picture's
 * records stay.
 */
@ExtendWith(RunningSuite.Extension.class)
class MisuseGuardTest {

    private static RunningSuite suite;
    private static Accounts.Account alice;
    private static Accounts.Account bob;

    @BeforeAll
    static void twoAccounts(RunningSuite running) {
        suite = running;
        alice = Accounts.make(suite, "alice");
        bob = Accounts.make(suite, "bob");
    }

    @Test
    void everyMadePictureCarriesItsContentCheckInItsProvenance() {
        String artwork = alice.generateOne("PUBLIC", 31);

        JsonPath view = atGallery(alice.key()).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .extract().jsonPath();

        assertThat(view.getString("moderation")).isEqualTo("SHOWN");
        assertThat(view.getString("provenance.contentCheck.model")).isEqualTo("nsfwjs-mobilenet-v2");
        assertThat(view.getString("provenance.contentCheck.decision")).isEqualTo("SHOWN");
        Map<String, Float> scores = view.getMap("provenance.contentCheck.scores", String.class, Float.class);
        assertThat(scores).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
        assertThat(scores.values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0,
                offset(1e-3));
        atGallery(null).get("/artworks/" + artwork).then().statusCode(200)
                .body(containsString("Content check"), containsString("nsfwjs-mobilenet-v2"));
        atGallery(null).contentType("image/png").body(suite.image(artwork)).post("/api/v1/verify").then()
                .statusCode(200).body("verdict", equalTo("TRUSTED"))
                .body("manifest.generation.contentCheck.decision", equalTo("SHOWN"))
                .body("manifest.generation.contentCheck.scores.neutral", equalTo(scores.get("neutral")));
    }

    @Test
    void aReportedPictureAReviewerHidesLeavesEveryListingButItsAuthorMayAppeal() {
        String artwork = alice.generateOne("PUBLIC", 32);
        String reviewPath = "/artworks/" + artwork + "/review";

        atGallery(bob.key()).formParam("reason", "").post("/artworks/" + artwork + "/review-requests").then()
                .statusCode(400).body(containsString("reason"));
        atGallery(bob.key()).formParam("reason", "Not for children")
                .post("/artworks/" + artwork + "/review-requests").then()
                .statusCode(200).body(containsString("your report is in the review queue"));
        atGallery(bob.key()).get("/review").then().statusCode(403);
        atGallery(bob.key()).formParam("decision", "hidden").post(reviewPath).then().statusCode(403);
        suite.asAdminAtGallery().get("/review").then().statusCode(200)
                .body(containsString(artwork), containsString("Not for children"));

        suite.asAdminAtGallery().formParam("decision", "hidden").formParam("note", "reported")
                .redirects().follow(false).post(reviewPath).then().statusCode(303);

        atGallery(null).get("/api/v1/artworks/" + artwork).then().statusCode(404);
        atGallery(bob.key()).get("/api/v1/artworks/" + artwork + "/image").then().statusCode(404);
        atGallery(null).get("/api/v1/artworks?author=" + alice.id()).then().statusCode(200)
                .body(not(containsString(artwork)));
        atGallery(alice.key()).get("/api/v1/artworks?author=" + alice.id()).then().statusCode(200)
                .body(not(containsString(artwork)));
        suite.asAdminAtGallery().get("/review").then().body(not(containsString(artwork)));
        atGallery(alice.key()).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .body("moderation", equalTo("HIDDEN"));
        atGallery(alice.key()).get("/artworks/" + artwork).then().statusCode(200)
                .body(containsString("Hidden: only its author"), containsString("hidden by a reviewer"),
                        containsString("Appeal"));

        atGallery(alice.key()).formParam("reason", "It is a smiley")
                .post("/artworks/" + artwork + "/review-requests").then()
                .statusCode(200).body(containsString("Your appeal is in the review queue"));
        suite.asAdminAtGallery().get("/review").then().body(containsString("appeal"),
                containsString("It is a smiley"));
        suite.asAdminAtGallery().formParam("decision", "shown").redirects().follow(false).post(reviewPath).then()
                .statusCode(303);
        atGallery(null).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .body("moderation", equalTo("SHOWN"));
    }

    @Test
    void clientsReportAndReviewThroughTheApi() {
        String artwork = alice.generateOne("PUBLIC", 34);
        String requests = "/api/v1/artworks/" + artwork + "/review-requests";

        atGallery(null).contentType("application/json").body("{\"reason\":\"spam\"}").post(requests).then()
                .statusCode(401).contentType("application/problem+json");
        atGallery(bob.key()).contentType("application/json").body("{\"reason\":\" \"}").post(requests).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        String request = atGallery(bob.key()).contentType("application/json").body("{\"reason\":\"spam\"}")
                .post(requests).then().statusCode(201).body("kind", equalTo("REPORT"))
                .body("artworkId", equalTo(artwork)).extract().path("id");
        atGallery(bob.key()).get("/api/v1/review-queue").then().statusCode(403)
                .contentType("application/problem+json");
        suite.asAdminAtGallery().get("/api/v1/review-queue?limit=100").then().statusCode(200)
                .body("find { it.artwork.id == '" + artwork + "' }.requests[0].id", equalTo(request));

        String moderation = "/api/v1/artworks/" + artwork + "/moderation";
        suite.asAdminAtGallery().contentType("application/json").body("{\"decision\":\"SOMETIMES\"}")
                .post(moderation).then().statusCode(400);
        suite.asAdminAtGallery().contentType("application/json").body("{\"decision\":\"BLURRED\",\"note\":\"ok\"}")
                .post(moderation).then().statusCode(200).body("moderation", equalTo("BLURRED"));
        atGallery(null).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .body("moderation", equalTo("BLURRED"));
        atGallery(null).get("/artworks/" + artwork).then().statusCode(200)
                .body(containsString("pixels blurred"), containsString("blurred by a reviewer"));
    }

    @Test
    void aDeletedPictureIsGoneButItsRecordsStay() {
        String artwork = alice.generateOne("PUBLIC", 33);
        suite.image(artwork);

        suite.asAdminAtGallery().formParam("decision", "deleted").formParam("note", "illegal")
                .redirects().follow(false).post("/artworks/" + artwork + "/review").then().statusCode(303);

        atGallery(alice.key()).get("/api/v1/artworks/" + artwork + "/image").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("its records are kept"));
        atGallery(alice.key()).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .body("moderation", equalTo("DELETED"))
                .body("provenance.artworkId", equalTo(artwork));
        atGallery(null).get("/api/v1/provenance-log/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    private static RequestSpecification atGallery(String key) {
        RequestSpecification request = given().baseUri(suite.gallery());
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }
}
