package io.pinxit.inference;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** One picture made by an {@link ImageGenerator}: its position in the request and its PNG bytes. */
public record GeneratedImage(int index, byte[] png, int width, int height) {

    /** The most pictures one call may ask a generator for. */
    static final int MAX_COUNT = 256;

    /** Refuses a count no generator serves. */
    static void requireCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and %d, was %d".formatted(MAX_COUNT, count));
        }
    }

    /** A network's pictures in request order, as PNGs. */
    static List<GeneratedImage> encoded(List<BufferedImage> images) {
        List<GeneratedImage> generated = new ArrayList<>(images.size());
        for (int index = 0; index < images.size(); index++) {
            BufferedImage image = images.get(index);
            generated.add(new GeneratedImage(index, PngEncoding.encode(image), image.getWidth(), image.getHeight()));
        }
        return generated;
    }
}
