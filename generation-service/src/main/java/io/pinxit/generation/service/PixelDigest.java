package io.pinxit.generation.service;

import io.pinxit.contracts.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;

/** The SHA-256 of a picture's decoded pixels: equal for equal pixels whatever the file's metadata or manifest. */
final class PixelDigest {

    private PixelDigest() {
    }

    static String of(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        ByteBuffer pixels = ByteBuffer.allocate(8 + argb.length * 4).putInt(image.getWidth()).putInt(image.getHeight());
        pixels.asIntBuffer().put(argb);
        return Sha256.hex(pixels.array());
    }

    static BufferedImage decoded(byte[] imageFile) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageFile));
            if (image == null) {
                throw new IllegalArgumentException("Not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode an image", e);
        }
    }
}
