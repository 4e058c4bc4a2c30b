package io.pinxit.inference.gan;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A picture as the 32×32 networks take it: channel-first RGB in [-1, 1], transparency composited onto white. A
 * picture whose sides are multiples of 32 (the 64×64 emoji the models learned from) is shrunk by exactly averaging
 * blocks of pixels, so training data does not depend on an image scaler's filtering; any other picture is first
 * drawn bilinearly at the nearest such size (stretched if it is not square).
 */
public final class PictureTensor {

    public static final int FLOATS = Dcgan32.CHANNELS * Dcgan32.IMAGE_SIZE * Dcgan32.IMAGE_SIZE;
    private static final int SIZE = Dcgan32.IMAGE_SIZE;
    private static final int LARGEST_BLOCK = 8;

    private PictureTensor() {}

    public static float[] of(BufferedImage picture) {
        float[] tensor = new float[FLOATS];
        write(picture, tensor, 0);
        return tensor;
    }

    /** Writes the picture's {@value #FLOATS} values into {@code target} from {@code offset}. */
    public static void write(BufferedImage picture, float[] target, int offset) {
        BufferedImage source = picture.getWidth() % SIZE == 0 && picture.getHeight() % SIZE == 0
                ? picture : redrawn(picture);
        int blockWidth = source.getWidth() / SIZE;
        int blockHeight = source.getHeight() / SIZE;
        float blockPixels = blockWidth * blockHeight;
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float[] rgb = new float[3];
                for (int dy = 0; dy < blockHeight; dy++) {
                    for (int dx = 0; dx < blockWidth; dx++) {
                        int argb = source.getRGB(blockWidth * x + dx, blockHeight * y + dy);
                        float alpha = ((argb >>> 24) & 0xFF) / 255f;
                        for (int c = 0; c < 3; c++) {
                            float channel = (argb >>> (16 - 8 * c)) & 0xFF;
                            rgb[c] += alpha * channel + (1f - alpha) * 255f;
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    target[offset + c * plane + y * SIZE + x] = rgb[c] / blockPixels / 127.5f - 1f;
                }
            }
        }
    }

    private static BufferedImage redrawn(BufferedImage picture) {
        int block = Math.max(1, Math.min(LARGEST_BLOCK, Math.min(picture.getWidth(), picture.getHeight()) / SIZE));
        int side = block * SIZE;
        var redrawn = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = redrawn.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(picture, 0, 0, side, side, null);
        } finally {
            graphics.dispose();
        }
        return redrawn;
    }
}
