package io.pinxit.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Uploaded files are hostile until proven otherwise: each way one can be bad is a 4xx problem+json that names the part,
 * the file and what is wrong with it, before any job exists, never a 5xx.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class HostileUploadTest {

    @Test
    void aTruncatedPngIsRejectedAsCorruptWith422() {
        byte[] png = TestImages.png(64, 64);

        styleWithContent("cut.png", TestImages.truncated(png, png.length / 2), "image/png")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:corrupt-image"))
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("the file 'cut.png' is a PNG image that cannot be decoded"));
    }

    @Test
    void aTruncatedJpegIsRejectedAsCorruptRatherThanDecodedWithAGreyBottom() {
        byte[] jpeg = TestImages.jpeg(64, 64);

        styleWithContent("cut.jpg", TestImages.truncated(jpeg, jpeg.length * 2 / 3), "image/jpeg")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:corrupt-image"));
    }

    @Test
    void aPngWhoseHeaderClaims100000By100000PixelsIsRejectedBeforeDecodingWith422() {
        styleWithContent("bomb.png", TestImages.pngClaiming(100_000, 100_000), "image/png")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:too-many-pixels"))
                .body("errors[0].message", containsString("declares 100000 × 100000 pixels"));
    }

    @Test
    void aGifIsRejectedAsAnUnsupportedFormatWith415() {
        styleWithContent("animation.gif", TestImages.gif(16, 16), "image/gif")
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:unsupported-image-format"))
                .body("errors[0].message", containsString("is a GIF image; accepted formats are PNG, JPEG and WebP"));
    }

    @Test
    void aTextFileNamedPngAndDeclaredAsPngIsRejectedWith415() {
        styleWithContent("notes.png", "shopping: eggs, milk\n".getBytes(StandardCharsets.UTF_8), "image/png")
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:unsupported-image-format"))
                .body("errors[0].message", containsString("the file 'notes.png' is text, not a picture"));
    }

    @Test
    void aFileOf21MegabytesIsRejectedWith413() throws IOException {
        // Sent from a file: the test client's request log would print a byte array part in full.
        Path big = Files.write(Files.createTempFile("huge", ".png"),
                Arrays.copyOf(TestImages.png(16, 16), 21 * 1024 * 1024));
        try {
            TestAccounts.asAdmin()
                    .multiPart("content", big.toFile(), "image/png")
                    .multiPart("style", "style.png", TestImages.png(16, 16), "image/png")
                    .post("/api/v1/jobs/style-transfers").then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:pinxit:problem:upload-too-large"))
                    .body("errors[0].field", equalTo("content"))
                    .body("errors[0].message", containsString("is 22020096 bytes; an upload may be at most 20971520"));
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void aWebpIsAccepted() {
        styleWithContent("quadrants.webp", TestImages.webp("quadrants.webp"), "image/webp")
                .statusCode(202)
                .body("request.content.upload.format", equalTo("WEBP"))
                .body("request.content.upload.width", equalTo(48));
    }

    @Test
    void aHostileStylePictureIsRejectedNamingItsPartWhetherForAJobOrTheLibrary() {
        TestAccounts.asAdmin()
                .multiPart("content", "photo.png", TestImages.png(16, 16), "image/png")
                .multiPart("style", "style.gif", TestImages.gif(16, 16), "image/png")
                .post("/api/v1/jobs/style-transfers").then()
                .statusCode(415)
                .body("errors[0].field", equalTo("style"));
        StyleLibraryTest.saveStyle(TestAccounts.ADMIN_KEY, "Bomb", "PUBLIC", TestImages.pngClaiming(9000, 9000))
                .statusCode(422)
                .header("Location", nullValue())
                .body("type", equalTo("urn:pinxit:problem:too-many-pixels"))
                .body("errors[0].field", equalTo("image"));
    }

    private static ValidatableResponse styleWithContent(String fileName, byte[] bytes, String declaredType) {
        return TestAccounts.asAdmin()
                .multiPart("content", fileName, bytes, declaredType)
                .multiPart("style", "style.png", TestImages.png(16, 16), "image/png")
                .post("/api/v1/jobs/style-transfers").then();
    }
}
