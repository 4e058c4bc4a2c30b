package io.pinxit.gateway.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.catalog.Upload;
import io.pinxit.contracts.Sha256;
import io.pinxit.gateway.TestImages;
import io.pinxit.gateway.images.RefusedImageException.Reason;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the gateway does with uploaded files, good and hostile, without any server around it. */
class ImageSanitizerTest {

    private final ImageSanitizer sanitizer = new ImageSanitizer(new UploadLimits(20 * 1024 * 1024, 40_000_000, 8192));

    @Test
    void aPngIsReencodedWithItsFactsKept() throws Exception {
        byte[] png = TestImages.png(40, 30);

        CheckedImage checked = sanitizer.check(png);

        assertThat(checked.format()).isEqualTo(Upload.ImageFormat.PNG);
        assertThat(checked.sha256()).isEqualTo(Sha256.hex(png));
        assertThat(checked.byteSize()).isEqualTo(png.length);
        assertThat(checked.orientation()).isEqualTo(1);
        assertThat(new int[] {checked.width(), checked.height(), checked.originalWidth(), checked.originalHeight()})
                .containsExactly(40, 30, 40, 30);
        assertQuadrants(TestImages.decode(checked.png()), TestImages.RED, TestImages.GREEN, TestImages.BLUE,
                TestImages.WHITE);
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 40, 30, RED, GREEN, BLUE, WHITE",
        "2, 40, 30, GREEN, RED, WHITE, BLUE",
        "3, 40, 30, WHITE, BLUE, GREEN, RED",
        "4, 40, 30, BLUE, WHITE, RED, GREEN",
        "5, 30, 40, RED, BLUE, GREEN, WHITE",
        "6, 30, 40, BLUE, RED, WHITE, GREEN",
        "7, 30, 40, WHITE, GREEN, BLUE, RED",
        "8, 30, 40, GREEN, WHITE, RED, BLUE"})
    void aJpegComesOutAsItsExifOrientationSaysToShowIt(int orientation, int width, int height, String topLeft,
                                                       String topRight, String bottomLeft, String bottomRight)
            throws Exception {
        CheckedImage checked = sanitizer.check(TestImages.jpegWithOrientation(40, 30, orientation));

        assertThat(checked.orientation()).isEqualTo(orientation);
        assertThat(checked.originalWidth()).isEqualTo(40);
        assertThat(checked.width()).isEqualTo(width);
        assertThat(checked.height()).isEqualTo(height);
        assertQuadrants(TestImages.decode(checked.png()), colour(topLeft), colour(topRight), colour(bottomLeft),
                colour(bottomRight));
    }

    @Test
    void theStoredPngCarriesNoneOfTheUploadsMetadata() throws Exception {
        byte[] png = sanitizer.check(TestImages.jpegWithOrientation(40, 30, 6)).png();

        assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "eXIf", "tEXt", "iTXt");
    }

    @Test
    void aWebpIsDecodedAndTurnedByItsExifChunk() throws Exception {
        CheckedImage plain = sanitizer.check(TestImages.webp("quadrants.webp"));
        CheckedImage turned = sanitizer.check(TestImages.webp("quadrants-exif6.webp"));

        assertThat(plain.format()).isEqualTo(Upload.ImageFormat.WEBP);
        assertQuadrants(TestImages.decode(plain.png()), TestImages.RED, TestImages.GREEN, TestImages.BLUE,
                TestImages.WHITE);
        assertThat(turned.orientation()).isEqualTo(6);
        assertThat(turned.width()).isEqualTo(32);
        assertThat(turned.height()).isEqualTo(48);
        assertQuadrants(TestImages.decode(turned.png()), TestImages.BLUE, TestImages.RED, TestImages.WHITE,
                TestImages.GREEN);
    }

    @Test
    void aHeaderClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        assertRefused(TestImages.pngClaiming(100_000, 100_000), Reason.TOO_MANY_PIXELS, "100000 × 100000");
        assertRefused(TestImages.pngClaiming(8193, 10), Reason.TOO_MANY_PIXELS, "8193 × 10");
        assertRefused(TestImages.pngClaiming(7000, 7000), Reason.TOO_MANY_PIXELS, "at most 40000000 pixels");
        assertRefused(TestImages.pngClaiming(0xffff_ffffL, 1), Reason.TOO_MANY_PIXELS, "4294967295 × 1");
    }

    @Test
    void filesThatAreNotPngJpegOrWebpAreRefusedNamingWhatTheyAre() {
        assertRefused(TestImages.gif(10, 10), Reason.UNSUPPORTED_FORMAT, "is a GIF image");
        assertRefused("just some notes\n".getBytes(StandardCharsets.UTF_8), Reason.UNSUPPORTED_FORMAT,
                "is text, not a picture");
        assertRefused(new byte[0], Reason.UNSUPPORTED_FORMAT, "is empty");
        assertRefused(new byte[] {0, 1, 2, 3, (byte) 0xfe}, Reason.UNSUPPORTED_FORMAT, "not a picture in a format");
    }

    @Test
    void truncatedOrBrokenPicturesAreRefusedAsCorrupt() {
        byte[] png = TestImages.png(64, 64);
        byte[] jpeg = TestImages.jpeg(64, 64);
        byte[] webp = TestImages.webp("quadrants.webp");

        assertRefused(TestImages.truncated(png, png.length / 2), Reason.CORRUPT,
                "is a PNG image that cannot be decoded");
        assertRefused(TestImages.truncated(png, 20), Reason.CORRUPT, "without its image header");
        assertRefused(TestImages.truncated(jpeg, jpeg.length * 2 / 3), Reason.CORRUPT, "is a JPEG image that cannot");
        assertRefused(TestImages.truncated(jpeg, 3), Reason.CORRUPT, "before its frame header");
        assertRefused(TestImages.truncated(webp, webp.length - 10), Reason.CORRUPT, "is a WebP image that cannot");
        assertRefused(TestImages.pngClaiming(2000, 2000), Reason.CORRUPT, "is a PNG image that cannot be decoded");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedWithoutLookingAtIt() {
        var small = new ImageSanitizer(new UploadLimits(100, 40_000_000, 8192));

        assertThatThrownBy(() -> small.check(TestImages.png(64, 64)))
                .isInstanceOfSatisfying(RefusedImageException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_BYTES))
                .hasMessageContaining("at most 100 bytes");
    }

    private void assertRefused(byte[] bytes, Reason reason, String message) {
        assertThatThrownBy(() -> sanitizer.check(bytes))
                .isInstanceOfSatisfying(RefusedImageException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private static void assertQuadrants(BufferedImage image, int topLeft, int topRight, int bottomLeft,
                                        int bottomRight) {
        int right = image.getWidth() - 2;
        int bottom = image.getHeight() - 2;
        assertThat(new boolean[] {TestImages.near(image.getRGB(1, 1), topLeft),
                TestImages.near(image.getRGB(right, 1), topRight), TestImages.near(image.getRGB(1, bottom), bottomLeft),
                TestImages.near(image.getRGB(right, bottom), bottomRight)})
                .as("quadrants of a %d × %d picture", image.getWidth(), image.getHeight())
                .containsExactly(true, true, true, true);
    }

    private static int colour(String name) {
        return switch (name) {
            case "RED" -> TestImages.RED;
            case "GREEN" -> TestImages.GREEN;
            case "BLUE" -> TestImages.BLUE;
            default -> TestImages.WHITE;
        };
    }
}
