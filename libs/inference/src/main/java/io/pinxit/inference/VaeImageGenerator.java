package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentSampler;
import io.pinxit.inference.gan.PictureTensor;
import io.pinxit.inference.vae.ConditionalVae32;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loaded {@link ConditionalVae32}. A seed is drawn like a conditional GAN's: {@link LatentSampler}'s vectors
 * with the label's one-hot row, so one seed keeps its latent vectors whatever the label. Encoding and decoding run
 * the network's encoder or decoder alone, which a DJL predictor (bound to the model's whole block) cannot do; like
 * a predictor, each call works in its own NDManager scope over the read-only weights, so calls may run concurrently.
 */
final class VaeImageGenerator implements LatentImageGenerator {

    private final ModelCard card;
    private final Model model;
    private final ConditionalVae32 network;
    private final LatentSampler sampler;

    VaeImageGenerator(ModelCard card, Model model, ConditionalVae32 network) {
        this.card = card;
        this.model = model;
        this.network = network;
        this.sampler = new LatentSampler(card.latentSize());
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count) {
        return generate(seed, count, null);
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count, String label) {
        return decode(pointsOf(seed, count, label));
    }

    @Override
    public List<LatentPoint> pointsOf(long seed, int count, String label) {
        float[] labelWeights = oneHot(labelIndex(label));
        GeneratedImage.requireCount(count);
        float[] latents = sampler.sample(seed, count);
        int size = card.latentSize();
        List<LatentPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(new LatentPoint(Arrays.copyOfRange(latents, i * size, (i + 1) * size), labelWeights));
        }
        return points;
    }

    @Override
    public LatentPoint encode(BufferedImage picture, String label) {
        int labelIndex = labelIndex(label);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray mean = network.encodeMeans(scope.create(PictureTensor.of(picture), Dcgan32.imageShape(1)),
                    ConditionalDcgan32.oneHot(scope, new int[] {labelIndex}, labels().size()));
            return new LatentPoint(mean.toFloatArray(), oneHot(labelIndex));
        }
    }

    @Override
    public List<GeneratedImage> decode(List<LatentPoint> points) {
        GeneratedImage.requireCount(points.size());
        int latentSize = card.latentSize();
        int classes = labels().size();
        float[] latents = new float[points.size() * latentSize];
        float[] labelWeights = new float[points.size() * classes];
        for (int i = 0; i < points.size(); i++) {
            LatentPoint point = points.get(i);
            float[] latent = point.latent();
            float[] weights = point.labelWeights();
            if (latent.length != latentSize || weights.length != classes) {
                throw new IllegalArgumentException(
                        "Point %d has %d latent values and %d label weights; model '%s' takes %d and %d"
                                .formatted(i, latent.length, weights.length, card.id(), latentSize, classes));
            }
            System.arraycopy(latent, 0, latents, i * latentSize, latentSize);
            System.arraycopy(weights, 0, labelWeights, i * classes, classes);
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray images = network.decode(scope.create(latents, Dcgan32.latentShape(points.size(), latentSize)),
                    scope.create(labelWeights, ConditionalDcgan32.labelShape(points.size(), classes)));
            return GeneratedImage.encoded(GanTranslator.toImages(images), scope.getDevice());
        }
    }

    private int labelIndex(String label) {
        int index = label == null ? -1 : labels().indexOf(label);
        if (index < 0) {
            throw new UnknownLabelException(card.id(), label, labels());
        }
        return index;
    }

    private float[] oneHot(int labelIndex) {
        float[] row = new float[labels().size()];
        row[labelIndex] = 1f;
        return row;
    }

    @Override
    public void close() {
        model.close();
    }
}
