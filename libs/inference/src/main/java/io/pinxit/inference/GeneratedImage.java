package io.pinxit.inference;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One picture made by an {@link ImageGenerator}: its position in the request, its PNG bytes, and the device whose
 * forward pass made it (provenance names it).
 */
public record GeneratedImage(int index, byte[] png, int width, int height, Device device) {

    /** The most pictures one call may ask a generator for. */
    static final int MAX_COUNT = 256;

    /** Refuses a count no generator serves. */
    static void requireCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and %d, was %d".formatted(MAX_COUNT, count));
        }
    }

    /** A network's pictures in request order, as PNGs, made on {@code device}. */
    static List<GeneratedImage> encoded(List<BufferedImage> images, Device device) {
        List<GeneratedImage> generated = new ArrayList<>(images.size());
        for (int index = 0; index < images.size(); index++) {
            BufferedImage image = images.get(index);
            generated.add(new GeneratedImage(index, PngEncoding.encode(image), image.getWidth(), image.getHeight(), device));
        }
        return generated;
    }
}
