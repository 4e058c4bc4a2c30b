package io.pinxit.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A generator whose latent space can be reached from outside (a VAE): pictures can be encoded to points and
 * any points decoded, which is what variations of a picture and interpolations between two need.
 */
public interface LatentImageGenerator extends ImageGenerator {

    /**
     * The points {@link #generate(long, int, String)} decodes for this seed and label: decoding them gives the
     * same pictures.
     *
     * @throws UnknownLabelException naming the valid labels when {@code label} is not one of them
     */
    List<LatentPoint> pointsOf(long seed, int count, String label);

    /**
     * Where a picture of {@code label} lies: the encoder's mean for it (pictures of another size are resized to
     * the model's).
     *
     * @throws UnknownLabelException naming the valid labels when {@code label} is not one of them
     */
    LatentPoint encode(BufferedImage picture, String label);

    /** The pictures of these points, in order, indexed from 0. */
    List<GeneratedImage> decode(List<LatentPoint> points);
}
