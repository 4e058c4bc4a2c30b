package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.Sha256;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The style library: saved with the credit its source is owed, listed, shown with its fast style network, and its
 * picture served upright.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleLibraryTest {

    @Inject
    StyleNetworks networks;

    @Test
    void aSavedStyleReadsBackWithItsCreditOwnerAndUprightPicture() {
        String ada = TestAccounts.newUserKey();
        byte[] photo = TestImages.jpegWithOrientation(40, 30, 6);
        String name = "Starry night " + UUID.randomUUID();

        var created = saveStyle(ada, name, null, photo)
                .statusCode(201)
                .body("name", equalTo(name))
                .body("credit.attribution", equalTo("Vincent van Gogh"))
                .body("credit.source", equalTo("https://example.org/starry-night"))
                .body("credit.licence", equalTo("CC0-1.0"))
                .body("visibility", equalTo("PUBLIC"))
                .body("image.width", equalTo(30))
                .body("image.height", equalTo(40))
                .body("image.original.format", equalTo("JPEG"))
                .body("image.original.width", equalTo(40))
                .body("image.original.orientation", equalTo(6))
                .body("image.original.sha256", equalTo(Sha256.hex(photo)))
                .body("fastStyle", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/styles/" + id);
        assertThat(created.<String>path("owner.name")).startsWith("user-");

        TestAccounts.as(TestAccounts.newUserKey()).get("/api/v1/styles/" + id).then()
                .statusCode(200)
                .body("credit.attribution", equalTo("Vincent van Gogh"))
                .body("links.image", equalTo("/api/v1/styles/" + id + "/image"))
                .body("fastStyle", nullValue());
        var image = TestAccounts.as(ada).get("/api/v1/styles/" + id + "/image").then()
                .statusCode(200)
                .contentType("image/png")
                .header("ETag", containsString(created.<String>path("image.sha256")))
                .extract().asByteArray();
        var picture = TestImages.decode(image);
        assertThat(picture.getWidth()).isEqualTo(30);
        assertThat(picture.getHeight()).isEqualTo(40);
        assertThat(TestImages.near(picture.getRGB(1, 1), TestImages.BLUE)).as("turned clockwise, as EXIF asks")
                .isTrue();
        assertThat(TestImages.near(picture.getRGB(28, 1), TestImages.RED)).isTrue();
    }

    @Test
    void aStyleShowsItsNewestFastStyleNetworkShippedOrTrained() {
        String ada = TestAccounts.newUserKey();
        String id = saveStyle(ada, "Fast " + UUID.randomUUID(), "PUBLIC", TestImages.png(16, 16)).statusCode(201)
                .extract().path("id");
        UUID styleId = UUID.fromString(id);
        StyleNetwork shipped = TestStyleNetworks.shipped(styleId, "fast-style-waves", Instant.now().minusSeconds(60));
        networks.record(shipped);

        TestAccounts.as(ada).get("/api/v1/styles/" + id).then()
                .statusCode(200)
                .body("fastStyle.id", equalTo(shipped.id().toString()))
                .body("fastStyle.origin", equalTo("shipped"))
                .body("fastStyle.steps", equalTo(shipped.training().steps()))
                .body("fastStyle.weightsSha256", equalTo(shipped.weightsSha256()))
                .body("fastStyle.createdAt", notNullValue());

        StyleNetwork trained = TestStyleNetworks.trained(styleId, UUID.randomUUID(), 1200, Instant.now());
        networks.record(trained);

        TestAccounts.as(ada).get("/api/v1/styles/" + id).then()
                .body("fastStyle.id", equalTo(trained.id().toString()))
                .body("fastStyle.origin", equalTo("trained"))
                .body("fastStyle.steps", equalTo(1200));
        TestAccounts.as(ada).get("/api/v1/styles?limit=1").then()
                .body("items[0].id", equalTo(id))
                .body("items[0].fastStyle.id", equalTo(trained.id().toString()));
    }

    @Test
    void everyoneIsListedThePublicStylesAndOnlyTheOwnerTheirPrivateOnes() {
        String ada = TestAccounts.newUserKey();
        String bob = TestAccounts.newUserKey();
        String shared = saveStyle(ada, "Shared", "PUBLIC", TestImages.png(16, 16)).statusCode(201)
                .extract().path("id");
        String secret = saveStyle(ada, "Secret", "PRIVATE", TestImages.png(16, 16)).statusCode(201)
                .extract().path("id");
        String unlisted = saveStyle(ada, "Unlisted", "UNLISTED", TestImages.png(16, 16)).statusCode(201)
                .extract().path("id");

        TestAccounts.as(bob).get("/api/v1/styles?limit=100").then().statusCode(200)
                .body("items.id", hasItem(shared))
                .body("items.id", not(hasItem(secret)))
                .body("items.id", not(hasItem(unlisted)));
        TestAccounts.as(ada).get("/api/v1/styles?limit=100").then()
                .body("items.id", hasItem(secret));
        TestAccounts.as(bob).get("/api/v1/styles/" + unlisted).then().statusCode(200);
        TestAccounts.as(bob).get("/api/v1/styles/" + secret).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:style-not-found"));
        TestAccounts.as(bob).get("/api/v1/styles/" + secret + "/image").then().statusCode(404)
                .contentType("application/problem+json");
        TestAccounts.asAdmin().get("/api/v1/styles/" + secret).then().statusCode(200);
    }

    @Test
    void theListPagesNewestFirstWithACursor() {
        String ada = TestAccounts.newUserKey();
        String older = saveStyle(ada, "Older", "PUBLIC", TestImages.png(16, 16)).statusCode(201).extract().path("id");
        String newer = saveStyle(ada, "Newer", "PUBLIC", TestImages.png(16, 16)).statusCode(201).extract().path("id");

        String next = TestAccounts.as(ada).get("/api/v1/styles?limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(newer))
                .extract().path("next");
        TestAccounts.as(ada).get("/api/v1/styles?limit=1&cursor=" + next).then()
                .body("items[0].id", equalTo(older));
        TestAccounts.as(ada).get("/api/v1/styles?cursor=yesterday").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        TestAccounts.as(ada).get("/api/v1/styles?limit=0").then().statusCode(400);
    }

    @Test
    void aSecondStyleOfTheSameNameIsRejectedWith409() {
        String ada = TestAccounts.newUserKey();
        saveStyle(ada, "Waves", "PUBLIC", TestImages.png(16, 16)).statusCode(201);

        saveStyle(ada, "waves", "PUBLIC", TestImages.png(17, 16))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:style-exists"))
                .body("errors[0].field", equalTo("name"));
        saveStyle(TestAccounts.newUserKey(), "Waves", "PUBLIC", TestImages.png(16, 16)).statusCode(201);
    }

    @Test
    void aStyleWithoutItsCreditOrPictureIsRejectedWith400() {
        String ada = TestAccounts.newUserKey();

        TestAccounts.as(ada)
                .multiPart("style", "{\"name\":\"Uncredited\",\"licence\":\"CC0-1.0\"}", "application/json")
                .multiPart("image", "p.png", TestImages.png(16, 16), "image/png")
                .post("/api/v1/styles").then()
                .statusCode(400)
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors.field", hasItem("attribution"))
                .body("errors.field", hasItem("source"));
        TestAccounts.as(ada)
                .multiPart("style", styleJson("Bad licence", "PUBLIC").replace("CC0-1.0", "any licence you like"),
                        "application/json")
                .multiPart("image", "p.png", TestImages.png(16, 16), "image/png")
                .post("/api/v1/styles").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("licence"));
        TestAccounts.as(ada)
                .multiPart("style", styleJson("No picture", "PUBLIC"), "application/json")
                .post("/api/v1/styles").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("image"));
        TestAccounts.as(ada)
                .multiPart("image", "p.png", TestImages.png(16, 16), "image/png")
                .post("/api/v1/styles").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("style"));
        TestAccounts.as(ada)
                .multiPart("style", styleJson("With a stray field", "PUBLIC"), "application/json")
                .multiPart("image", "p.png", TestImages.png(16, 16), "image/png")
                .multiPart("visibility", "PRIVATE")
                .post("/api/v1/styles").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visibility"))
                .body("errors[0].message", containsString("is not a part this endpoint takes"));
    }

    @Test
    void aReadOnlyKeyListsStylesButCannotSaveOne() {
        String ada = TestAccounts.newUserKey();
        String readOnly = TestAccounts.as(ada).contentType(ContentType.JSON)
                .body("{\"name\":\"dashboard\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        TestAccounts.as(readOnly).get("/api/v1/styles").then().statusCode(200);
        saveStyle(readOnly, "Mine", "PUBLIC", TestImages.png(16, 16))
                .statusCode(403)
                .body("type", equalTo("urn:pinxit:problem:forbidden"));
        TestAccounts.as("pxk_NotAKey").get("/api/v1/styles").then().statusCode(401);
    }

    /** Saves a style credited to Van Gogh; {@code visibility} null leaves it out. */
    static ValidatableResponse saveStyle(String key, String name, String visibility, byte[] picture) {
        return TestAccounts.as(key)
                .multiPart("style", styleJson(name, visibility), "application/json")
                .multiPart("image", "style.png", picture, "application/octet-stream")
                .post("/api/v1/styles").then();
    }

    private static String styleJson(String name, String visibility) {
        return "{\"name\":\"" + name + "\",\"attribution\":\"Vincent van Gogh\",\"source\":"
                + "\"https://example.org/starry-night\",\"licence\":\"CC0-1.0\""
                + (visibility == null ? "" : ",\"visibility\":\"" + visibility + "\"") + "}";
    }
}
