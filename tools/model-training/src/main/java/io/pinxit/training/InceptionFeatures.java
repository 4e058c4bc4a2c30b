package io.pinxit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.features.ImageEmbedder;
import io.pinxit.inference.tfjs.TfjsImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The shipped Inception v3's pool features of pictures: the spatial mean of its last block, mixed10, 2048 values
 * a picture. At the network's own 299×299 that is its feature layer (an 8×8 average pool over mixed10); the mean
 * works at any input side of 75 or more, which lets evaluation trade input size for time. Pictures are
 * resized to the side as the network's own input is ({@link ImageEmbedder#pixels}: RGB / 255, bilinear with
 * aligned corners) and run in batches.
 */
final class InceptionFeatures implements AutoCloseable {

    static final String MODEL_ID = "nsfwjs-inception-v3";
    static final String POOLED_LAYER = "mixed10";
    static final int MIN_SIDE = 75;
    private static final int BATCH = 16;

    private final ShippedEmbedder inception;
    private final int side;

    private InceptionFeatures(ShippedEmbedder inception, int side) {
        this.inception = inception;
        this.side = side;
    }

    /** Loads the Inception v3 that the models jar ships (see {@link ShippedEmbedder}), copying it under {@code scratch}. */
    static InceptionFeatures load(Path scratch, int side) throws IOException {
        if (side < MIN_SIDE) {
            throw new IllegalArgumentException(
                    "Inception v3 needs an input side of at least %d, got %d".formatted(MIN_SIDE, side));
        }
        return new InceptionFeatures(ShippedEmbedder.load(MODEL_ID, scratch), side);
    }

    /** The features of {@code pictures}, {@link #dimensions()} a picture, one picture after another. */
    float[] of(List<BufferedImage> pictures) {
        float[] features = new float[pictures.size() * dimensions()];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < pictures.size(); from += BATCH) {
                List<BufferedImage> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
                try (NDManager scope = manager.newSubManager()) {
                    NDArray block = inception.network().layerOutputs(pixels(batch, scope), List.of(POOLED_LAYER))
                            .get(POOLED_LAYER);
                    Shape shape = block.getShape();
                    float[] pooled = block.reshape(shape.get(0), -1, shape.get(3)).mean(new int[] {1}).toFloatArray();
                    System.arraycopy(pooled, 0, features, from * dimensions(), pooled.length);
                }
            }
        }
        return features;
    }

    /** 2048: mixed10's channels, which the feature layer pools. */
    int dimensions() {
        return inception.network().dimensions();
    }

    /** What the features are, precisely enough to key a cache by and to print beside the figures. */
    String description() {
        return String.format(Locale.ROOT, "%s %s (sha256 %s), spatial mean of %s at %d×%d input",
                inception.card().id(), inception.card().version(), inception.card().weightsSha256(), POOLED_LAYER, side,
                side);
    }

    private NDArray pixels(List<BufferedImage> batch, NDManager manager) {
        int values = side * side * 3;
        float[] pixels = new float[batch.size() * values];
        for (int i = 0; i < batch.size(); i++) {
            BufferedImage picture = batch.get(i);
            float[] rgb = TfjsImages.rgb(picture);
            for (int v = 0; v < rgb.length; v++) {
                rgb[v] /= 255f;
            }
            if (picture.getWidth() != side || picture.getHeight() != side) {
                rgb = TfjsImages.resizeBilinearAlignedCorners(rgb, picture.getHeight(), picture.getWidth(), 3, side, side);
            }
            System.arraycopy(rgb, 0, pixels, i * values, values);
        }
        return manager.create(pixels, new Shape(batch.size(), side, side, 3));
    }

    @Override
    public void close() {
        inception.close();
    }
}
