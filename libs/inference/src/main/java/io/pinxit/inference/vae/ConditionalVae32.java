package io.pinxit.inference.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;

/**
 * The class-conditional variational autoencoder that makes 32×32 RGB pictures, defined once for the trainer and
 * the loader, and saved as this one block whose children are the encoder, the prior and the decoder. The encoder
 * is {@link Dcgan32}'s discriminator trunk with the one-hot label appended to its features, ending in the mean and
 * log-variance of the latent vector; the decoder is {@link ConditionalDcgan32}'s generator, whose label input is a
 * row of weights, so that points between labels can be decoded as well.
 *
 * <p>The prior is N(μ(label), I) with a learned mean per label (μ is linear in the label weights). Emoji
 * categories carry only log 9 ≈ 2.2 nats, too little for a standard normal prior to push them out of the latent
 * vector and into the label: a decoder trained that way ignored its label. With a mean per label, the KL term
 * itself gathers each category around its own mean. Outside this class latent vectors are offsets from μ(label),
 * standard normal under the prior whatever the label: what {@link #encodeMeans} gives and {@link #decode} takes.
 *
 * <p>The block's own forward pass is the training pass: (image, one-hot label, standard normal noise ε) →
 * (reconstruction, mean offset, log-variance), decoding the mean + exp(log-variance / 2)·ε. The noise is an input
 * so that it can be drawn in Java, reproducibly.
 */
public final class ConditionalVae32 extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float WEIGHT_STDDEV = 0.02f;

    private final int latentSize;
    private final Block encoder;
    private final Block prior;
    private final Block decoder;

    public ConditionalVae32(int latentSize, int width) {
        super(VERSION);
        this.latentSize = latentSize;
        encoder = addChildBlock("encoder", new Encoder(latentSize, width));
        prior = addChildBlock("prior", Linear.builder().setUnits(latentSize).optBias(false).build());
        decoder = addChildBlock("decoder", ConditionalDcgan32.generator(latentSize, width));
        setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
    }

    /**
     * The encoder in inference mode: images {@code (N, 3, 32, 32)} in [-1, 1] and one-hot labels {@code (N, classes)}
     * → the means of their latent vectors as offsets from their label's prior mean {@code (N, latentSize)}, in the
     * images' manager.
     */
    public NDArray encodeMeans(NDArray images, NDArray oneHot) {
        var store = new ParameterStore(images.getManager(), false);
        NDArray means = encoder.forward(store, new NDList(images, oneHot), false).get(0);
        return means.sub(prior.forward(store, new NDList(oneHot), false).singletonOrThrow());
    }

    /**
     * The decoder in inference mode: latent offsets {@code (N, latentSize)} and label weights {@code (N, classes)}
     * → images {@code (N, 3, 32, 32)} in [-1, 1], in the latents' manager.
     */
    public NDArray decode(NDArray latents, NDArray labelWeights) {
        var store = new ParameterStore(latents.getManager(), false);
        NDArray priorMeans = prior.forward(store, new NDList(labelWeights), false).singletonOrThrow();
        return decoder.forward(store, new NDList(latents.add(priorMeans), labelWeights), false).singletonOrThrow();
    }

    /** The shapes of the training pass's inputs, which the block is initialised with: image, one-hot label, ε. */
    public static Shape[] inputShapes(int batchSize, int latentSize, int classes) {
        return new Shape[] {
            Dcgan32.imageShape(batchSize),
            ConditionalDcgan32.labelShape(batchSize, classes),
            Dcgan32.latentShape(batchSize, latentSize)
        };
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray oneHot = inputs.get(1);
        NDList moments = encoder.forward(store, new NDList(inputs.get(0), oneHot), training, params);
        NDArray mean = moments.get(0);
        NDArray logVariance = moments.get(1);
        NDArray priorMean = prior.forward(store, new NDList(oneHot), training, params).singletonOrThrow();
        NDArray latent = mean.add(logVariance.mul(0.5f).exp().mul(inputs.get(2)));
        NDArray reconstruction = decoder.forward(store, new NDList(latent, oneHot), training, params).singletonOrThrow();
        return new NDList(reconstruction, mean.sub(priorMean), logVariance);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape latent = Dcgan32.latentShape(Math.toIntExact(inputShapes[0].get(0)), latentSize);
        return new Shape[] {inputShapes[0], latent, latent};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
        prior.initialize(manager, dataType, inputShapes[1]);
        decoder.initialize(manager, dataType,
                Dcgan32.latentShape(Math.toIntExact(inputShapes[0].get(0)), latentSize), inputShapes[1]);
    }

    /**
     * Features φ(image) from strided convolutions; [mean, r] = W·[φ, one-hot] + b and log-variance = −softplus(r).
     * A posterior wider than the prior never pays, and capping it there keeps exp(log-variance) from exploding:
     * uncapped, one overshooting step at Adam's 1e-3 blew a training run up for good.
     */
    private static final class Encoder extends AbstractBlock {

        private static final byte VERSION = 1;
        private final int latentSize;
        private final Block features;
        private final Block moments;

        Encoder(int latentSize, int width) {
            super(VERSION);
            this.latentSize = latentSize;
            features = addChildBlock("features", Dcgan32.discriminatorFeatures(width));
            moments = addChildBlock("moments", Linear.builder().setUnits(2L * latentSize).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray phi = features.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
            NDList both = moments.forward(store, new NDList(phi.concat(inputs.get(1), 1)), training, params)
                    .singletonOrThrow().split(2, 1);
            return new NDList(both.get(0), Activation.softPlus(both.get(1)).neg());
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape latent = Dcgan32.latentShape(Math.toIntExact(inputShapes[0].get(0)), latentSize);
            return new Shape[] {latent, latent};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            features.initialize(manager, dataType, inputShapes[0]);
            Shape featureShape = features.getOutputShapes(new Shape[] {inputShapes[0]})[0];
            moments.initialize(manager, dataType,
                    new Shape(featureShape.get(0), featureShape.get(1) + inputShapes[1].get(1)));
        }
    }
}
