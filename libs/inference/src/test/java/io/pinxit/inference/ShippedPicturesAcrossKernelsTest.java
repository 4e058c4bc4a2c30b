package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pinxit.contracts.Reproduction;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.upscale.ImageUpscaler;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped models' pictures for fixed inputs, against the pictures recorded in src/test/resources/pinxit/golden.
 * Run under every kernel family, this is the evidence behind docs/numerics.md: other kernels move a channel by
 * {@link Reproduction#ROUNDING_LEVELS} levels at most. A missing reference is written to target/golden-candidates for
 * a person to look at and copy, and the test fails.
 */
@KernelSensitive
class ShippedPicturesAcrossKernelsTest {

    private static final ModelCatalog SHIPPED = ModelCatalog.fromClasspath();
    private static final ModelLoader LOADER = new ModelLoader(SHIPPED);
    private static final long SEED = 42;
    private static final int COUNT = 16;

    @ParameterizedTest
    @ValueSource(strings = {"emoji-dcgan", "emoji-cgan", "emoji-vae"})
    void aGeneratorsPicturesForASeedAreTheRecordedOnesWithinRounding(String modelId) throws IOException {
        BufferedImage sheet;
        try (ImageGenerator generator = LOADER.load(SHIPPED.find(modelId).orElseThrow())) {
            String label = generator.labels().isEmpty() ? null : generator.labels().get(generator.labels().size() - 1);
            sheet = sheetOf(generator.generate(SEED, COUNT, label).stream().map(image -> decoded(image.png())).toList());
        }

        assertWithinRoundingOfTheRecorded(modelId, sheet);
    }

    @Test
    void thePromptGeneratorsPicturesForASeedAreTheRecordedOnesWithinRounding() throws IOException {
        BufferedImage sheet;
        try (ImageGenerator generator = LOADER.load(SHIPPED.find("emoji-words").orElseThrow())) {
            sheet = sheetOf(generator.generateFromPrompt(SEED, COUNT, "red heart").stream()
                    .map(image -> decoded(image.png())).toList());
        }

        assertWithinRoundingOfTheRecorded("emoji-words", sheet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"esrgan-slim-x2", "esrgan-slim-x4"})
    void anUpscalersPictureIsTheRecordedOneWithinRounding(String modelId) throws IOException {
        try (ImageUpscaler upscaler = LOADER.loadUpscaler(SHIPPED.find(modelId).orElseThrow())) {
            assertWithinRoundingOfTheRecorded(modelId, upscaler.upscale(photo().getSubimage(40, 40, 48, 48)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast-style-great-wave"})
    void aFastStylesPaintingIsTheRecordedOneWithinRounding(String modelId) throws IOException {
        var shipped = LOADER.loadFastStyle(SHIPPED.find(modelId).orElseThrow());
        try (FastStyle style = FastStyle.read(shipped.weights())) {
            assertWithinRoundingOfTheRecorded(modelId, style.transfer(photo(), StyleOptions.defaults().withSize(128)));
        }
    }

    private static void assertWithinRoundingOfTheRecorded(String name, BufferedImage made) throws IOException {
        String file = name + ".png";
        try (InputStream in = ShippedPicturesAcrossKernelsTest.class.getClassLoader()
                .getResourceAsStream("pinxit/golden/" + file)) {
            if (in == null) {
                Path candidate = Files.createDirectories(Path.of("target", "golden-candidates")).resolve(file);
                ImageIO.write(made, "png", candidate.toFile());
                fail("No recorded picture for %s: look at %s and copy it to src/test/resources/pinxit/golden", name,
                        candidate);
            }
            PixelComparison comparison = PixelComparison.of(ImageIO.read(in), made);

            assertThat(comparison.maxDifference()).as("largest channel difference from the recorded %s (PSNR %.1f dB)",
                    name, comparison.psnr()).isLessThanOrEqualTo(Reproduction.ROUNDING_LEVELS);
        }
    }

    private static BufferedImage sheetOf(List<BufferedImage> pictures) {
        int side = (int) Math.ceil(Math.sqrt(pictures.size()));
        int width = pictures.get(0).getWidth();
        int height = pictures.get(0).getHeight();
        var sheet = new BufferedImage(side * width, side * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = sheet.createGraphics();
        for (int i = 0; i < pictures.size(); i++) {
            canvas.drawImage(pictures.get(i), (i % side) * width, (i / side) * height, null);
        }
        canvas.dispose();
        return sheet;
    }

    private static BufferedImage decoded(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upscaler package's own 128×128 photograph. */
    private static BufferedImage photo() throws IOException {
        try (InputStream in = ShippedPicturesAcrossKernelsTest.class.getClassLoader()
                .getResourceAsStream("pinxit/model-samples/esrgan-slim-x2/input.png")) {
            return ImageIO.read(in);
        }
    }
}
