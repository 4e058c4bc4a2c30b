package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PictureMeasuresTest {

    @Test
    void aPictureIsFullySimilarToItselfAndLessSoToANoisyCopy() {
        BufferedImage picture = gradient(40, 30, 0, 7);

        assertEquals(1.0, PictureMeasures.ssim(picture, picture), 1e-9);
        double noisy = PictureMeasures.ssim(picture, gradient(40, 30, 40, 7));
        double noisier = PictureMeasures.ssim(picture, gradient(40, 30, 90, 8));
        assertTrue(noisy < 0.9 && noisier < noisy, noisy + " then " + noisier);
    }

    @Test
    void grainIsZeroOnASmoothRampAndGrowsWithPixelNoise() {
        assertEquals(0.0, PictureMeasures.grain(gradient(40, 30, 0, 1)), 1e-9);
        double some = PictureMeasures.grain(gradient(40, 30, 10, 1));
        double more = PictureMeasures.grain(gradient(40, 30, 40, 1));
        assertTrue(some > 1 && more > 3 * some, some + " then " + more);
    }

    /** A grey ramp along x (linear, so its Laplacian is zero) with uniform noise of ± amplitude / 2. */
    private static BufferedImage gradient(int width, int height, int amplitude, long seed) {
        var random = new SplittableRandom(seed);
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = amplitude == 0 ? 0 : random.nextInt(amplitude + 1) - amplitude / 2;
                int grey = Math.max(0, Math.min(255, 60 + 4 * x + noise));
                picture.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return picture;
    }
}
