package io.pinxit.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.catalog.ThumbnailRenderer;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.storage.ObjectStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class ArtworkApiTest {

    @Inject
    WorkersCatalog catalog;

    @Inject
    ObjectStore store;

    private final TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());
    private final String model = "test-model-" + UUID.randomUUID();
    private final List<UUID> made = new ArrayList<>();

    @BeforeEach
    void recordFiveArtworks() throws IOException {
        store.ensureBucket();
        UUID jobId = UUID.randomUUID();
        for (int index = 0; index < 5; index++) {
            made.add(recordArtwork(jobId, index, Visibility.PUBLIC));
        }
    }

    @Test
    void filtersAndTextSearchNarrowTheListingAndTravelInTheNextLink() {
        given().queryParam("model", model).queryParam("kind", "generated").queryParam("limit", 2)
                .get("/api/v1/artworks").then().statusCode(200)
                .body("items.id", equalTo(List.of(made.get(4).toString(), made.get(2).toString())))
                .header("Link", allOf(
                        containsString("model=" + model),
                        containsString("kind=generated")));
        given().queryParam("model", model).queryParam("q", "lighthouses")
                .get("/api/v1/artworks").then().statusCode(200)
                .body("items.id", equalTo(List.of(made.get(3).toString())));
        given().queryParam("model", model).queryParam("q", "nature")
                .get("/api/v1/artworks").then().statusCode(200)
                .body("items.id", equalTo(List.of(made.get(4).toString())))
                .body("items[0].label", equalTo("animals-nature"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().queryParam("model", model).queryParam("from", today).queryParam("until", today)
                .get("/api/v1/artworks").then().statusCode(200).body("items.size()", equalTo(5));
        given().queryParam("model", model).queryParam("until", "2020-01-01")
                .get("/api/v1/artworks").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badFiltersAreA400NamingEachOne() {
        given().queryParam("kind", "painted").queryParam("from", "yesterday").queryParam("author", "ada")
                .get("/api/v1/artworks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors.field", containsInAnyOrder("kind", "from", "author"))
                .body("detail", containsString("generated, styled, upscaled, variation"));
    }

    @Test
    void similarArtworksAreListedMostAlikeFirstWithoutTheArtworkItself() {
        List<String> similar = given().queryParam("limit", 48).get("/api/v1/artworks/" + made.get(0) + "/similar")
                .then().statusCode(200).extract().path("id");

        assertThat(similar).doesNotContain(made.get(0).toString())
                .contains(made.get(1).toString(), made.get(2).toString());
        given().get("/api/v1/artworks/" + UUID.randomUUID() + "/similar").then().statusCode(404);
    }

    @Test
    void theThumbnailIsServedBesideTheOriginal() throws IOException {
        byte[] thumbnail = given().get("/api/v1/artworks/" + made.get(0) + "/thumbnail").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", containsString("immutable"))
                .extract().asByteArray();

        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(8);
    }

    @Test
    void aPictureTheBrowserHasAlreadyIsAnswered304WithoutItsBytes() {
        for (String picture : List.of("image", "thumbnail")) {
            String path = "/api/v1/artworks/" + made.get(0) + "/" + picture;
            String entityTag = given().get(path).then().statusCode(200).extract().header("ETag");

            given().header("If-None-Match", entityTag).get(path).then()
                    .statusCode(304)
                    .header("ETag", entityTag)
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .body(equalTo(""));
            given().header("If-None-Match", "\"another\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void aListingPageCarriesAChecksumAsValidatorAndAnUnchangedOneIsAnswered304() {
        String path = "/api/v1/artworks?limit=2";
        String entityTag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(entityTag).isNotBlank();

        given().header("If-None-Match", entityTag).get(path).then()
                .statusCode(304).header("ETag", entityTag).body(equalTo(""));
        given().header("If-None-Match", "\"an-older-page\"").get(path).then().statusCode(200)
                .header("ETag", entityTag);
        String page = given().get("/api/v1/artworks?limit=2").then().extract().header("ETag");
        String another = given().get("/api/v1/artworks?limit=3").then().extract().header("ETag");
        assertThat(another).isNotEqualTo(page);
    }

    @Test
    void theListingIsNewestFirstAndPagesWithAnOpaqueCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/artworks").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            seen.addAll(items);
            cursor = page.path("next");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains(cursor);
            }
        } while (cursor != null);

        List<String> ours = new ArrayList<>(made.stream().map(UUID::toString).toList());
        Collections.reverse(ours);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(ours);
        assertThat(seen).isSortedAccordingTo((a, b) -> UUID.fromString(b).compareTo(UUID.fromString(a)));
    }

    @Test
    void oneArtworkIsShownWithItsProvenanceRecord() {
        UUID id = made.get(2);

        given().get("/api/v1/artworks/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("index", equalTo(2))
                .body("width", equalTo(8))
                .body("provenance.model.id", equalTo(model))
                .body("provenance.parameters.seed", equalTo(99))
                .body("provenance.credits[0].licence", equalTo("CC-BY-4.0"))
                .body("links.image", equalTo("/api/v1/artworks/" + id + "/image"));
    }

    @Test
    void theImageIsTheStoredPng() throws IOException {
        byte[] png = given().get("/api/v1/artworks/" + made.get(0) + "/image").then()
                .statusCode(200)
                .contentType("image/png")
                .extract().asByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(8);
        assertThat(image.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0x336699);
    }

    @Test
    void aPrivateArtworkIsNeitherListedNorShownNorServed() throws IOException {
        UUID hidden = recordArtwork(UUID.randomUUID(), 0, Visibility.PRIVATE);

        List<String> listed = given().queryParam("limit", 100).get("/api/v1/artworks").then().extract().path("items.id");
        assertThat(listed).doesNotContain(hidden.toString());
        given().get("/api/v1/artworks/" + hidden).then().statusCode(404)
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
        given().get("/api/v1/artworks/" + hidden + "/image").then().statusCode(404);
    }

    @Test
    void anUnlistedArtworkIsShownByItsLinkButNotListed() throws IOException {
        UUID unlisted = recordArtwork(UUID.randomUUID(), 0, Visibility.UNLISTED);

        List<String> listed = given().queryParam("limit", 100).get("/api/v1/artworks").then().extract().path("items.id");
        assertThat(listed).doesNotContain(unlisted.toString());
        given().get("/api/v1/artworks/" + unlisted).then().statusCode(200)
                .body("author", equalTo("ada"))
                .body("licence", equalTo("CC0-1.0"));
    }

    @Test
    void aSearchWithANulCharacterIsRejectedWith400() {
        given().queryParam("q", "faces\u0000").get("/api/v1/artworks").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:invalid-request"))
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void onlyAPublicArtworksPicturesMayBeKeptBySharedCaches() throws IOException {
        UUID unlisted = recordArtwork(UUID.randomUUID(), 0, Visibility.UNLISTED);

        for (String picture : List.of("image", "thumbnail")) {
            given().get("/api/v1/artworks/" + unlisted + "/" + picture).then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-store"))
                    .header("Vary", equalTo("Authorization, Cookie"));
            given().get("/api/v1/artworks/" + made.get(0) + "/" + picture).then().statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        }
    }

    @Test
    void theProvenanceLogOfHonestHistoryHolds() {
        given().get("/api/v1/provenance-log/verification").then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("headHash", hasLength(64));
    }

    @Test
    void anAnonymousListingMayBeCachedButSaysItVariesWithCredentials() {
        given().get("/api/v1/artworks").then().statusCode(200)
                .header("Vary", "Authorization, Cookie")
                .header("Cache-Control", nullValue());
        given().get("/").then().statusCode(200)
                .header("Vary", "Authorization, Cookie")
                .header("Cache-Control", nullValue());
    }

    @Test
    void aKeyThatCannotBeCheckedIs401NotASilentAnonymousAnswer() {
        given().header("Authorization", "Bearer pxk_" + "k".repeat(43)).get("/api/v1/artworks").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot be checked"));
        given().header("Authorization", "Bearer not-a-key").get("/api/v1/artworks").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theLineageShowsAncestorsAndListedDescendantsButNoOnesPrivateOrUnlistedChildren() throws IOException {
        UUID content = recordArtwork(UUID.randomUUID(), 0, Visibility.PUBLIC);
        UUID styled = recordArtwork(UUID.randomUUID(), 0, Visibility.PUBLIC,
                List.of(new ProvenanceRecord.Parent(content, Relation.CONTENT)));
        UUID upscaled = recordArtwork(UUID.randomUUID(), 0, Visibility.UNLISTED,
                List.of(new ProvenanceRecord.Parent(styled, Relation.UPSCALE)));
        recordArtwork(UUID.randomUUID(), 0, Visibility.PRIVATE,
                List.of(new ProvenanceRecord.Parent(styled, Relation.VARIATION)));

        UUID varied = recordArtwork(UUID.randomUUID(), 0, Visibility.PUBLIC,
                List.of(new ProvenanceRecord.Parent(styled, Relation.VARIATION)));

        given().get("/api/v1/artworks/" + styled + "/lineage").then().statusCode(200)
                .body("ancestors.parentId", equalTo(List.of(content.toString())))
                .body("ancestors[0].relation", equalTo("CONTENT"))
                .body("descendants.childId", equalTo(List.of(varied.toString())))
                .body("descendants[0].relation", equalTo("VARIATION"));
        given().get("/api/v1/artworks/" + upscaled + "/lineage").then().statusCode(200)
                .body("ancestors.parentId", equalTo(List.of(styled.toString(), content.toString())))
                .body("ancestors.depth", equalTo(List.of(1, 2)));
        given().get("/api/v1/artworks/" + content + "/lineage").then().statusCode(200)
                .body("descendants.childId", equalTo(List.of(styled.toString(), varied.toString())));
    }

    @Test
    void anUnknownArtworkIs404ProblemJson() {
        given().get("/api/v1/artworks/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
    }

    @Test
    void aCursorThatThisApiDidNotGiveOutIs400NamingTheCursor() {
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/artworks").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aPageSizeOutOfRangeIs400NamingTheLimit() {
        given().queryParam("limit", 1000).get("/api/v1/artworks").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    /** This test's artworks look alike (one random direction, nudged per index) and unlike other tests' ones. */
    private Embedding embeddingNearThisTestsOthers(int index) {
        var random = new Random(model.hashCode());
        float[] vector = new float[16];
        double norm = 0;
        for (int component = 0; component < vector.length; component++) {
            vector[component] = (float) random.nextGaussian() + (component == 0 ? 0.05f * index : 0);
            norm += vector[component] * vector[component];
        }
        for (int component = 0; component < vector.length; component++) {
            vector[component] /= (float) Math.sqrt(norm);
        }
        return new Embedding("test-embedder", vector);
    }

    private UUID recordArtwork(UUID jobId, int index, Visibility visibility) throws IOException {
        return recordArtwork(jobId, index, visibility, List.of());
    }

    private UUID recordArtwork(UUID jobId, int index, Visibility visibility, List<ProvenanceRecord.Parent> parents)
            throws IOException {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, x == y ? 0x336699 : 0x000000 + index);
            }
        }
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var stored = store.putContentAddressed(png.toByteArray(), "image/png", "png");
        var thumbnail = ThumbnailRenderer.render(png.toByteArray());
        var storedThumbnail = store.putContentAddressed(thumbnail.png(), "image/png", "png");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ArtworkKind kind = index % 2 == 0 ? ArtworkKind.GENERATED : ArtworkKind.STYLED;
        var artwork = new Artwork(ids.next(), jobId, index, kind, model, "1", index == 4 ? "animals-nature" : null,
                new StoredImage(stored.key(), stored.sha256(), stored.sha256(), "image/png", 8, 8, stored.size()),
                new Thumbnail(storedThumbnail.key(), thumbnail.width(), thumbnail.height()),
                new Authorship(UUID.randomUUID(), "ada", "Square " + index, index == 3 ? "A lighthouse at night" : null,
                        "CC0-1.0", visibility), now, Moderation.SHOWN);
        var provenance = new ProvenanceRecord(artwork.id(), jobId, index, artwork.authorship(),
                new ProvenanceRecord.ModelUsed(model, "1", "gan", "00".repeat(32)), Map.of("seed", 99), parents,
                stored.sha256(), new ProvenanceRecord.Producer("test", "test-worker", "cpu()", "PyTorch", null),
                List.of(new ProvenanceRecord.Credit("Twemoji", "CC-BY-4.0", "Copyright Twitter, Inc and contributors")),
                now, null);
        catalog.record(artwork, provenance, embeddingNearThisTestsOthers(index));
        return artwork.id();
    }
}
