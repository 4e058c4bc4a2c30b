package io.pinxit.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.lessThan;

import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.StoredImage;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.LocalCertificateAuthority;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anyone can check a file: its manifest, its binding, and whether this Pinxit made it. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class VerifyApiTest {

    @Inject
    WorkersCatalog catalog;

    @TestHTTPResource("/")
    URL baseUrl;

    private final TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());
    private byte[] signed;
    private UUID artworkId;

    @BeforeEach
    void signAndRecordAPicture() throws Exception {
        SigningCredentials trusted = LocalCertificateAuthority.createOrLoad(Path.of("target/test-signing"), "Test");
        byte[] png = png(0x2266AA);
        signed = C2paPng.sign(png, manifest("Trusted square"), trusted);
        artworkId = ids.next();
        record(artworkId, signed, png, Visibility.PUBLIC);
    }

    @Test
    void aSignedPictureOfThisPinxitIsTrustedAndKnown() {
        verify(signed).statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("manifest.hardBindingValid", equalTo(true))
                .body("manifest.author", equalTo("ada"))
                .body("manifest.digitalSourceType", equalTo(ManifestContent.TRAINED_ALGORITHMIC_MEDIA))
                .body("manifest.generation.jobId", equalTo("job-1"))
                .body("knownArtworks.id", hasItem(artworkId.toString()));
    }

    @Test
    void aPictureWithOneChangedPixelFailsItsBinding() throws Exception {
        byte[] edited = withManifestOf(signed, png(0x2266AA, 0xFF0000));

        verify(edited).statusCode(200)
                .body("verdict", equalTo("INVALID"))
                .body("manifest.hardBindingValid", equalTo(false))
                .body("knownArtworks", empty());
    }

    @Test
    void aPictureStrippedOfItsManifestIsStillRecognisedByItsContent() throws Exception {
        verify(C2paPng.strip(signed)).statusCode(200)
                .body("verdict", equalTo("UNSIGNED"))
                .body("knownArtworks.id", hasItem(artworkId.toString()));
    }

    @Test
    void aPictureSignedBySomeoneElseIsValidButUntrusted() throws Exception {
        SigningCredentials stranger = LocalCertificateAuthority.createOrLoad(
                Files.createTempDirectory(Path.of("target"), "stranger-"), "Stranger");

        verify(C2paPng.sign(png(0x00FF00), manifest("Stranger's square"), stranger)).statusCode(200)
                .body("verdict", equalTo("VALID_UNTRUSTED"))
                .body("manifest.signatureValid", equalTo(true));
    }

    @Test
    void aPrivateArtworkIsNotRevealedByVerification() throws Exception {
        byte[] png = png(0x123456);
        byte[] secret = C2paPng.sign(png, manifest("Private"), LocalCertificateAuthority.createOrLoad(
                Path.of("target/test-signing"), "Test"));
        record(ids.next(), secret, png, Visibility.PRIVATE);

        verify(secret).statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("knownArtworks", empty());
    }

    @Test
    void garbageTruncatedAndEmptyFilesGetAClearAnswerAndNever5xx() {
        verify("not a picture".getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("verdict", equalTo("NOT_AN_IMAGE"));
        verify(Arrays.copyOf(signed, signed.length / 2)).statusCode(lessThan(500))
                .body("verdict", org.hamcrest.Matchers.oneOf("INVALID", "NOT_AN_IMAGE"));
        given().contentType("image/png").body(new byte[0]).post("/api/v1/verify").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUploadOverTwentyMegabytesIsRefusedWith413() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/verify"))
                .header("Content-Type", "application/octet-stream")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024 + 1])).build();

        var response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aFileCanBeUploadedAsAForm() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "upload-", ".png");
        Files.write(file, signed);

        given().multiPart("file", file.toFile(), "image/png").post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"));
    }

    @Test
    void aFormWithAPartOtherThanTheFileOrWithoutTheFileIsRefusedNamingThePart() {
        given().multiPart("file", "p.png", signed, "image/png").multiPart("note", "hello").post("/api/v1/verify")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("is not a part this endpoint takes; it takes file (files)"));
        given().multiPart("photo", "p.png", signed, "image/png").post("/api/v1/verify").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("photo"));
        given().multiPart("file", "not a file").post("/api/v1/verify").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("must be a file part"));
    }

    @Test
    void aFormThatEndsBeforeItsClosingBoundaryOrHasANamelessPartIsAClientError() {
        String part = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n\r\nx\r\n";
        String nameless = "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--\r\n";
        for (String form : List.of(part, part + "--Other--\r\n", nameless)) {
            given().contentType("multipart/form-data; boundary=B").body(form.getBytes(StandardCharsets.ISO_8859_1))
                    .post("/api/v1/verify").then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private static ValidatableResponse verify(byte[] file) {
        return given().contentType("application/octet-stream").body(file).post("/api/v1/verify").then();
    }

    private static ManifestContent manifest(String title) {
        return new ManifestContent(title, Optional.of(new ManifestContent.Author("ada", Optional.empty())),
                Optional.of("CC0-1.0"), ManifestContent.TRAINED_ALGORITHMIC_MEDIA,
                new ManifestContent.SoftwareAgent("test", "1"), List.of(ManifestContent.Action.created()), List.of(),
                Map.of("jobId", "job-1"), List.of());
    }

    private static byte[] png(int colour, int... changedPixel) throws Exception {
        var image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, colour ^ (x * 16 + y));
            }
        }
        if (changedPixel.length > 0) {
            image.setRGB(5, 5, changedPixel[0]);
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The edited image with the original's manifest chunk put back after IHDR, as a forger would. */
    private static byte[] withManifestOf(byte[] original, byte[] edited) {
        byte[] manifestChunk = chunk(original, "caBX");
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        return ByteBuffer.allocate(edited.length + manifestChunk.length)
                .put(edited, 0, afterHeader).put(manifestChunk).put(edited, afterHeader, edited.length - afterHeader)
                .array();
    }

    private static byte[] chunk(byte[] png, String type) {
        int offset = 8;
        while (offset < png.length) {
            int length = ByteBuffer.wrap(png, offset, 4).getInt();
            String chunkType = new String(png, offset + 4, 4, StandardCharsets.US_ASCII);
            if (chunkType.equals(type)) {
                return Arrays.copyOfRange(png, offset, offset + 12 + length);
            }
            offset += 12 + length;
        }
        throw new AssertionError("no " + type + " chunk");
    }

    private void record(UUID id, byte[] signedPng, byte[] unsignedPng, Visibility visibility) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(unsignedPng));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var authorship = new Authorship(UUID.randomUUID(), "ada", "Square", null, "CC0-1.0", visibility);
        var artwork = new Artwork(id, UUID.randomUUID(), 0, ArtworkKind.GENERATED, "test-model", "1", null,
                new StoredImage("sha256/xx/" + Sha256.hex(signedPng) + ".png", Sha256.hex(signedPng),
                        Sha256.hex(C2paPng.strip(signedPng)), "image/png", image.getWidth(), image.getHeight(),
                        signedPng.length), null, authorship, now, Moderation.SHOWN);
        catalog.record(artwork, new ProvenanceRecord(id, artwork.jobId(), 0, authorship,
                new ProvenanceRecord.ModelUsed("test-model", "1", "gan", "00".repeat(32)), Map.of("seed", 1), List.of(),
                Sha256.hex(signedPng), new ProvenanceRecord.Producer("test", "w", "cpu()", "none", null), List.of(), now, null), new Embedding("test-embedder", new float[] {1, 0}));
    }
}
