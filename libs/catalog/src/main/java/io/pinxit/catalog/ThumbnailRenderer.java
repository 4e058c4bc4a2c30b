package io.pinxit.catalog;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Makes an artwork's thumbnail: the picture fitted into a {@value #MAX_SIDE}-pixel square, area-averaged, as a PNG
 * without metadata. Pictures that already fit keep their pixels; pages scale those up crisply.
 */
public final class ThumbnailRenderer {

    public static final int MAX_SIDE = 256;

    private ThumbnailRenderer() {
    }

    /** A rendered thumbnail, ready to store. */
    public record Rendered(byte[] png, int width, int height) {}

    public static Rendered render(byte[] png) {
        try {
            BufferedImage original = ImageIO.read(new ByteArrayInputStream(png));
            if (original == null) {
                throw new IllegalArgumentException("Not a picture ImageIO can read");
            }
            double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(original.getWidth(), original.getHeight()));
            int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(original.getHeight() * scale));
            BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = thumbnail.createGraphics();
            graphics.drawImage(original.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            graphics.dispose();
            var bytes = new ByteArrayOutputStream();
            ImageIO.write(thumbnail, "png", bytes);
            return new Rendered(bytes.toByteArray(), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a thumbnail", e);
        }
    }
}
