package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.gallery.WorkersCatalog;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.LocalCertificateAuthority;
import io.pinxit.provenance.ManifestContent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The verify page: upload a file, read in words what this gallery can prove about it. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class VerifyPageTest {

    @Inject
    WorkersCatalog catalog;

    private final TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());

    @Test
    void theVerifyPageIsAnUploadForm() {
        given().get("/verify").then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(containsString("enctype=\"multipart/form-data\""), containsString("name=\"file\""),
                        containsString("<label for=\"file\">")));
    }

    @Test
    void aSignedPictureOfThisGalleryIsShownAsTrustedWithItsSignerAndArtwork() throws Exception {
        byte[] png = png();
        byte[] signed = C2paPng.sign(png, manifest("Signed square"),
                LocalCertificateAuthority.createOrLoad(Path.of("target/test-signing"), "Test"));
        UUID artworkId = record(signed, png);

        upload(signed).then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(containsString("<strong>Trusted.</strong>"), containsString("whom this gallery trusts"),
                        containsString("trusted by this gallery"), containsString("intact: the pixels are the ones"),
                        containsString("Signed square"), containsString("<dt>jobId</dt><dd>job-1</dd>"),
                        containsString("href=\"/artworks/" + artworkId + "\"")));
    }

    @Test
    void aFileThatIsNotAPictureGetsAClearAnswer() throws Exception {
        upload("not a picture".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<strong>Not a PNG image.</strong>"));
    }

    @Test
    void anEmptyUploadIsAskedForAgainWithoutA5xx() throws Exception {
        upload(new byte[0]).then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("Choose a PNG file and try again"));
        given().multiPart("other", "x").post("/verify").then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("Choose a PNG file and try again"));
    }

    private static Response upload(byte[] content) throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "upload-", ".png");
        Files.write(file, content);
        return given().multiPart("file", file.toFile(), "image/png").post("/verify");
    }

    private UUID record(byte[] signed, byte[] png) throws Exception {
        UUID id = ids.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var authorship = new Authorship(UUID.randomUUID(), "ada", "Signed square", null, "CC0-1.0",
                Visibility.PUBLIC);
        var artwork = new Artwork(id, UUID.randomUUID(), 0, ArtworkKind.GENERATED, "test-model", "1", null,
                new StoredImage("sha256/xx/" + sha256(signed) + ".png", sha256(signed), sha256(png), "image/png", 16,
                        16, signed.length), null, authorship, now, Moderation.SHOWN);
        catalog.record(artwork, new ProvenanceRecord(id, artwork.jobId(), 0, authorship,
                new ProvenanceRecord.ModelUsed("test-model", "1", "gan", "00".repeat(32)), Map.of("seed", 1), List.of(),
                sha256(signed), new ProvenanceRecord.Producer("test", "w", "cpu()", "none", null), List.of(), now, null), new Embedding("test-embedder", new float[] {1, 0}));
        return id;
    }

    private static ManifestContent manifest(String title) {
        return new ManifestContent(title, Optional.of(new ManifestContent.Author("ada", Optional.empty())),
                Optional.of("CC0-1.0"), ManifestContent.TRAINED_ALGORITHMIC_MEDIA,
                new ManifestContent.SoftwareAgent("test", "1"), List.of(ManifestContent.Action.created()), List.of(),
                Map.of("jobId", "job-1"), List.of());
    }

    /** A picture no other test makes, so that its content hash finds only this test's artwork. */
    private static byte[] png() throws Exception {
        var image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        int seed = UUID.randomUUID().hashCode();
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, seed ^ (x * 16 + y));
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
