package io.pinxit.inference.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.inference.KernelSensitive;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@KernelSensitive
class ImageUpscalerTest {

    private static final ModelCatalog SHIPPED = ModelCatalog.fromClasspath();

    @ParameterizedTest
    @ValueSource(strings = {"esrgan-slim-x2", "esrgan-slim-x4"})
    void theUpscalerReproducesThePackagesOwnSampleResult(String modelId) throws IOException {
        BufferedImage input = sample(modelId, "input.png");
        BufferedImage expected = sample(modelId, "result.png");

        BufferedImage upscaled;
        try (ImageUpscaler upscaler = load(modelId)) {
            upscaled = upscaler.upscale(input);
        }

        assertThat(upscaled.getWidth()).isEqualTo(expected.getWidth());
        assertThat(upscaled.getHeight()).isEqualTo(expected.getHeight());
        assertThat(psnr(upscaled, expected)).isGreaterThanOrEqualTo(40.0);
    }

    @Test
    void aPictureOfAnyShapeIsEnlargedByTheCardsScaleOnBothSides() {
        var picture = new BufferedImage(24, 10, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0xFF8800);

        try (ImageUpscaler upscaler = load("esrgan-slim-x4")) {
            BufferedImage upscaled = upscaler.upscale(picture);

            assertThat(upscaler.scale()).isEqualTo(4);
            assertThat(upscaled.getWidth()).isEqualTo(96);
            assertThat(upscaled.getHeight()).isEqualTo(40);
        }
    }

    private static ImageUpscaler load(String modelId) {
        return new ModelLoader(SHIPPED).loadUpscaler(SHIPPED.find(modelId).orElseThrow());
    }

    /** The package's own input and the result UpscalerJS made from it, from the pinxit-models samples jar. */
    private static BufferedImage sample(String modelId, String file) throws IOException {
        try (InputStream in = ImageUpscalerTest.class.getClassLoader()
                .getResourceAsStream("pinxit/model-samples/" + modelId + "/" + file)) {
            assertThat(in).as("sample %s of %s", file, modelId).isNotNull();
            return ImageIO.read(in);
        }
    }

    private static double psnr(BufferedImage actual, BufferedImage expected) {
        double squaredError = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int difference = ((a >> shift) & 0xFF) - ((e >> shift) & 0xFF);
                    squaredError += difference * difference;
                }
            }
        }
        double meanSquaredError = squaredError / (3.0 * expected.getWidth() * expected.getHeight());
        return meanSquaredError == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / meanSquaredError);
    }
}
