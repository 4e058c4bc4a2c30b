package io.pinxit.inference.style;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small made-up pictures the style tests paint, and measures of them. */
final class SamplePictures {

    private SamplePictures() {}

    /** A sunlit house: flat colour shapes on a warm gradient. */
    static BufferedImage house(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int shade = 255 * y / height;
                picture.setRGB(x, y, new Color(230, 160 + shade / 4, 90 + shade / 3).getRGB());
            }
        }
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(150, 60, 40));
        g.fillRect(width / 4, height / 2, width / 2, height / 3);
        g.setColor(new Color(90, 50, 30));
        g.fillPolygon(new int[] {width / 5, width / 2, width * 4 / 5}, new int[] {height / 2, height / 6, height / 2}, 3);
        g.dispose();
        return picture;
    }

    /** Blue and white diagonal strokes. */
    static BufferedImage stripes(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean blue = ((x + 2 * y) / 6) % 2 == 0;
                picture.setRGB(x, y, blue ? 0x1E3CC8 : 0xF0F0FF);
            }
        }
        return picture;
    }

    static int[] pixels(BufferedImage picture) {
        return picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
    }

    /** The mean Cb and Cr (BT.601) of a picture. */
    static double[] meanChroma(BufferedImage picture) {
        double cb = 0;
        double cr = 0;
        int[] pixels = pixels(picture);
        for (int p : pixels) {
            double r = (p >> 16) & 0xFF;
            double g = (p >> 8) & 0xFF;
            double b = p & 0xFF;
            cb += -0.168736 * r - 0.331264 * g + 0.5 * b;
            cr += 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
        return new double[] {cb / pixels.length, cr / pixels.length};
    }
}
