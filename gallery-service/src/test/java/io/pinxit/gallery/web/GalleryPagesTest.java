package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.ArtworkReviews;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.catalog.StoredImage;
import io.pinxit.catalog.Thumbnail;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.gallery.WorkersCatalog;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages people browse: the grid of newest artworks and one artwork's page. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class GalleryPagesTest {

    private static final Pattern OLDER_LINK = Pattern.compile("href=\"(/\\?cursor=[^\"]+)\"");

    @Inject
    WorkersCatalog catalog;

    @Inject
    ObjectStore store;

    @Inject
    ArtworkReviews reviews;

    private final TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private StoredObject image;

    @BeforeEach
    void storeAPicture() throws IOException {
        store.ensureBucket();
        var pixels = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        pixels.setRGB(3, 3, 0x336699);
        var png = new ByteArrayOutputStream();
        ImageIO.write(pixels, "png", png);
        image = store.putContentAddressed(png.toByteArray(), "image/png", "png");
    }

    @Test
    void theGridShowsTheNewestPublicArtworksButNoOnesPrivateWork() {
        UUID shown = record("Harbour " + run, Visibility.PUBLIC);
        record("Secret " + run, Visibility.PRIVATE);

        given().get("/").then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(containsString("<html lang=\"en\">"), containsString("<main"),
                        containsString("Harbour " + run), containsString("/api/v1/artworks/" + shown + "/thumbnail"),
                        containsString("aria-label=\"“Harbour " + run + "” by ada, made with the model test-model\""),
                        containsString("CC-BY-4.0")))
                .body(not(containsString("Secret " + run)));
    }

    @Test
    void thePagesUseTheGallerysOwnStylesheetWithPixelatedImages() {
        given().get("/").then()
                .statusCode(200)
                .body(containsString("href=\"/gallery.css\""))
                .body(not(containsString("//cdn")));
        given().get("/gallery.css").then()
                .statusCode(200)
                .body(containsString("image-rendering: pixelated"));
    }

    @Test
    void everyPageForbidsScriptsFramingAndOtherSitesContent() {
        for (String page : List.of("/", "/artworks/" + UUID.randomUUID(), "/verify", "/gallery.css")) {
            given().get(page).then()
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin");
        }
    }

    @Test
    void noTemplateHoldsWhatThePoliciesRefuse() throws IOException {
        try (var templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(template)).as("%s", template)
                        .doesNotContain(" style=\"", "<script", "<style").doesNotContainPattern("\\son[a-z]+=\"");
            }
        }
    }

    @Test
    void anUnchangedGridIsAnswered304AndHidingOneOfItsArtworksChangesItsValidator() {
        String word = "validated" + run.replaceAll("[0-9]", "x");
        UUID shown = record(word, Visibility.PUBLIC);
        String path = "/?q=" + word;

        String tag = given().get(path).then().statusCode(200).body(containsString(word)).extract().header("ETag");
        assertThat(tag).startsWith("W/\"");
        given().header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", tag);
        given().get("/?q=other" + word).then().statusCode(200).header("ETag", not(tag));

        reviews.decide(shown, Moderation.BLURRED, UUID.randomUUID(), null);

        String blurred = given().header("If-None-Match", tag).get(path).then().statusCode(200)
                .body(containsString("pixels blurred")).extract().header("ETag");
        assertThat(blurred).isNotEqualTo(tag);
    }

    @Test
    void theOlderLinkPagesThroughTheGrid() {
        for (int n = 0; n <= GalleryPages.PAGE_SIZE; n++) {
            record("Tile %s-%02d".formatted(run, n), Visibility.PUBLIC);
        }

        String first = given().get("/").then().statusCode(200).extract().asString();
        assertThat(first).contains("Tile %s-%02d".formatted(run, GalleryPages.PAGE_SIZE))
                .contains("Tile %s-01".formatted(run))
                .doesNotContain("Tile %s-00".formatted(run));
        var older = OLDER_LINK.matcher(first);
        assertThat(older.find()).as("an Older link").isTrue();

        given().get(older.group(1)).then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Tile %s-00".formatted(run)))
                .body(not(containsString("Tile %s-01".formatted(run))));
    }

    @Test
    void anArtworksPageShowsItsAuthorLicenceModelCreditsAndLineage() {
        UUID parent = record("Sketch " + run, Visibility.PUBLIC);
        UUID artwork = record("Lighthouse " + run, Visibility.PUBLIC,
                List.of(new ProvenanceRecord.Parent(parent, Relation.CONTENT)));

        given().get("/artworks/" + artwork).then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(containsString("<h1>Lighthouse " + run + "</h1>"), containsString("ada"),
                        containsString("CC-BY-4.0"), containsString("test-model</a>, version 1 (gan)"),
                        containsString("ab".repeat(32)), containsString("<dt>seed</dt><dd>99</dd>"),
                        containsString("Twemoji (CC-BY-4.0): Copyright Twitter, Inc and contributors"),
                        containsString("test-worker (test) on cpu() with PyTorch"),
                        containsString("href=\"/artworks/" + parent + "\""),
                        containsString("<svg class=\"lineage-graph\""),
                        containsString("<image href=\"/api/v1/artworks/" + parent + "/thumbnail\""),
                        containsString("id=\"provenance-badge\""), containsString("<strong>Unsigned.</strong>"),
                        containsString("download=\"pinxit-" + artwork + ".png\""),
                        containsString("<h2 id=\"similar\">More like this</h2>"),
                        containsString("This installation does not ship the card of test-model")));
        given().get("/artworks/" + parent).then()
                .statusCode(200)
                .body(containsString("href=\"/artworks/" + artwork + "\""));
    }

    @Test
    void searchAndFiltersInTheUrlNarrowTheGridAndKeepTheirChoices() {
        UUID lighthouse = record("Lighthouse at dusk " + run, Visibility.PUBLIC);
        record("Harbour " + run, Visibility.PUBLIC);

        given().queryParam("q", "lighthouses " + run).queryParam("kind", "generated").get("/").then()
                .statusCode(200)
                .body(allOf(containsString("Artworks found"), containsString("/artworks/" + lighthouse),
                        containsString("value=\"lighthouses " + run + "\""),
                        containsString("<option value=\"generated\" selected>"),
                        containsString("<option value=\"test-model\">")))
                .body(not(containsString("Harbour " + run)));
        given().queryParam("q", "nothing-matches-" + run).get("/").then()
                .statusCode(200)
                .body(containsString("No artworks match these filters."));
    }

    @Test
    void aBadFilterIsA400PageThatSaysWhatIsWrong() {
        given().queryParam("kind", "painted").get("/").then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("kind must be one of generated, styled, upscaled, variation"));
    }

    @Test
    void anUnknownArtworkIsA404Page() {
        given().get("/artworks/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("No such artwork"));
    }

    @Test
    void someoneElsesPrivateArtworkIsA404PageLikeAnUnknownOne() {
        UUID hidden = record("Diary " + run, Visibility.PRIVATE);

        given().get("/artworks/" + hidden).then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("No such artwork"))
                .body(not(containsString("Diary " + run)));
    }

    @Test
    void aCursorThisGalleryDidNotGiveOutIsA400Page() {
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/").then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("is not a cursor this API gave out"));
    }

    private UUID record(String title, Visibility visibility) {
        return record(title, visibility, List.of());
    }

    private UUID record(String title, Visibility visibility, List<ProvenanceRecord.Parent> parents) {
        UUID jobId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var authorship = new Authorship(UUID.randomUUID(), "ada", title, null, "CC-BY-4.0", visibility);
        var artwork = new Artwork(ids.next(), jobId, 0, ArtworkKind.GENERATED, "test-model", "1",
                null, new StoredImage(image.key(), image.sha256(), image.sha256(), "image/png", 32, 32, image.size()),
                new Thumbnail(image.key(), 32, 32), authorship, now, Moderation.SHOWN);
        catalog.record(artwork, new ProvenanceRecord(artwork.id(), jobId, 0, authorship,
                new ProvenanceRecord.ModelUsed("test-model", "1", "gan", "ab".repeat(32)),
                Map.of("seed", 99, "count", 1), parents, image.sha256(), new ProvenanceRecord.Producer("test", "test-worker", "cpu()", "PyTorch", null),
                List.of(new ProvenanceRecord.Credit("Twemoji", "CC-BY-4.0", "Copyright Twitter, Inc and contributors")),
                now, null), new Embedding("test-embedder", new float[] {1, 0}));
        return artwork.id();
    }
}
