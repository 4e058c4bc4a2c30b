package io.pinxit.inference.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourTransferTest {

    @Test
    void theRecolouredStyleHasTheContentsMeanAndCovariance() {
        BufferedImage content = noise(60, 40, 1, new double[] {150, 100, 70}, new double[][] {{25, 0, 0}, {15, 10, 0}, {0, 0, 5}});
        BufferedImage style = noise(50, 50, 2, new double[] {70, 100, 150}, new double[][] {{5, 0, 0}, {0, 20, 0}, {0, 10, 15}});

        BufferedImage recoloured = ColourTransfer.recoloured(style, content);

        double[][] expected = moments(content);
        double[][] actual = moments(recoloured);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[0][c]).as("mean of channel %d", c).isCloseTo(expected[0][c], within(2.0));
            for (int d = 0; d < 3; d++) {
                double scale = Math.sqrt(expected[1 + c][c] * expected[1 + d][d]);
                assertThat(actual[1 + c][d]).as("covariance %d,%d", c, d).isCloseTo(expected[1 + c][d], within(0.05 * scale));
            }
        }
    }

    @Test
    void theMergedPictureHasTheResultsLuminanceAndTheContentsChroma() {
        var result = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, 0x606070);
        result.setRGB(1, 0, 0xA0A0B0);
        var content = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        content.setRGB(0, 0, 0xC04020);
        content.setRGB(1, 0, 0xC04020);

        BufferedImage merged = ColourTransfer.withChromaOf(result, content);

        for (int x = 0; x < 2; x++) {
            double[] got = yCbCr(merged.getRGB(x, 0));
            assertThat(got[0]).isCloseTo(yCbCr(result.getRGB(x, 0))[0], within(1.5));
        }
        double[] dark = yCbCr(merged.getRGB(0, 0));
        double[] wanted = yCbCr(content.getRGB(0, 0));
        assertThat(dark[1]).isCloseTo(wanted[1], within(2.0));
        assertThat(dark[2]).isCloseTo(wanted[2], within(2.0));
    }

    @Test
    void matrixPowersOfACovarianceMultiplyBackToItAndItsInverse() {
        double[][] covariance = {{400, 120, -30}, {120, 250, 60}, {-30, 60, 90}};

        double[][] root = SymmetricMatrix3.power(covariance, 0.5);
        double[][] inverseRoot = SymmetricMatrix3.power(covariance, -0.5);

        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double square = 0;
                double identity = 0;
                for (int k = 0; k < 3; k++) {
                    square += root[r][k] * root[k][c];
                    identity += inverseRoot[r][k] * root[k][c];
                }
                assertThat(square).isCloseTo(covariance[r][c], within(1e-6));
                assertThat(identity).isCloseTo(r == c ? 1 : 0, within(1e-9));
            }
        }
    }

    /** Pixels mean + mixing · standard normal noise, clipped. */
    private static BufferedImage noise(int width, int height, long seed, double[] mean, double[][] mixing) {
        var random = new SplittableRandom(seed);
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] z = {gaussian(random), gaussian(random), gaussian(random)};
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double value = mean[c];
                    for (int k = 0; k < 3; k++) {
                        value += mixing[c][k] * z[k];
                    }
                    rgb = rgb << 8 | (int) Math.max(0, Math.min(255, Math.round(value)));
                }
                picture.setRGB(x, y, rgb);
            }
        }
        return picture;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[][] moments(BufferedImage picture) {
        int n = picture.getWidth() * picture.getHeight();
        double[][] m = new double[4][3];
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        for (int p : pixels) {
            for (int c = 0; c < 3; c++) {
                m[0][c] += channel(p, c) / (double) n;
            }
        }
        for (int p : pixels) {
            for (int c = 0; c < 3; c++) {
                for (int d = 0; d < 3; d++) {
                    m[1 + c][d] += (channel(p, c) - m[0][c]) * (channel(p, d) - m[0][d]) / n;
                }
            }
        }
        return m;
    }

    private static int channel(int rgb, int c) {
        return (rgb >> (16 - 8 * c)) & 0xFF;
    }

    private static double[] yCbCr(int rgb) {
        double r = channel(rgb, 0);
        double g = channel(rgb, 1);
        double b = channel(rgb, 2);
        return new double[] {0.299 * r + 0.587 * g + 0.114 * b, -0.168736 * r - 0.331264 * g + 0.5 * b,
            0.5 * r - 0.418688 * g - 0.081312 * b};
    }
}
