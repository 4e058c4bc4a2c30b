package io.pinxit.inference.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PictureTensorTest {

    private static final int PLANE = 32 * 32;

    @Test
    void aTransparentPictureIsWhiteAndAnOpaqueOneKeepsItsColours() {
        float[] transparent = PictureTensor.of(new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB));
        float[] red = PictureTensor.of(filled(32, 32, new Color(255, 0, 0)));

        assertEquals(1f, transparent[0]);
        assertEquals(1f, transparent[2 * PLANE + 5]);
        assertEquals(1f, red[7]);
        assertEquals(-1f, red[PLANE + 7]);
        assertEquals(-1f, red[2 * PLANE + 7]);
    }

    @Test
    void aPictureTwiceTheSizeIsShrunkByAveragingTwoByTwoBlocksOntoWhite() {
        var picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, 0xFF000000);
        picture.setRGB(1, 0, 0xFF000000);

        float[] tensor = PictureTensor.of(picture);

        float halfBlackHalfWhite = 2 * 255f / 4f / 127.5f - 1f;
        assertEquals(halfBlackHalfWhite, tensor[0], 1e-6f);
        assertEquals(halfBlackHalfWhite, tensor[PLANE], 1e-6f);
        assertEquals(1f, tensor[1]);
    }

    @Test
    void aPictureOfAnotherSizeIsRedrawnAtTheNetworksSize() {
        float[] tensor = PictureTensor.of(filled(50, 70, new Color(0, 0, 255)));

        assertEquals(PictureTensor.FLOATS, tensor.length);
        assertArrayEquals(PictureTensor.of(filled(32, 32, new Color(0, 0, 255))), tensor);
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return picture;
    }
}
