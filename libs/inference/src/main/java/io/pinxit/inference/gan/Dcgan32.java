package io.pinxit.inference.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.NormalInitializer;

/**
 * The DCGAN that makes 32×32 RGB pictures, defined once for the trainer and the loader. The generator
 * maps a latent vector to a {@code (3, 32, 32)} image in [-1, 1]; the discriminator maps such an image
 * to one real-vs-fake logit. Upsampling is nearest-neighbour followed by a 3×3 convolution, because
 * DJL's PyTorch engine has no transposed convolution (and it avoids checkerboard artefacts).
 */
public final class Dcgan32 {

    public static final int IMAGE_SIZE = 32;
    public static final int CHANNELS = 3;
    private static final int SEED_SIZE = 4;
    private static final float LEAK = 0.2f;
    private static final float WEIGHT_STDDEV = 0.02f;

    private Dcgan32() {}

    /** Latent {@code (N, latentSize)} → image {@code (N, 3, 32, 32)}; widths 4w, 2w, w from 4×4 up. */
    public static Block generator(int latentSize, int width) {
        int seedChannels = 4 * width;
        SequentialBlock generator = new SequentialBlock()
                .add(Linear.builder().setUnits((long) seedChannels * SEED_SIZE * SEED_SIZE).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(list -> new NDList(list.singletonOrThrow().reshape(-1, seedChannels, SEED_SIZE, SEED_SIZE)))
                .add(upsampleStage(2 * width))
                .add(upsampleStage(width))
                .add(nearestUpsample())
                .add(conv3x3(CHANNELS, true))
                .add(Activation.tanhBlock());
        generator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return generator;
    }

    /** Image {@code (N, 3, 32, 32)} → logit {@code (N, 1)}; strided 4×4 convolutions 32→16→8→4. */
    public static Block discriminator(int width) {
        SequentialBlock discriminator = discriminatorFeatures(width)
                .add(Linear.builder().setUnits(1).build());
        discriminator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return discriminator;
    }

    /**
     * Image {@code (N, 3, 32, 32)} → flat features {@code (N, 4·width·4·4)}: the trunk the discriminators and the
     * VAE's encoder share.
     */
    public static SequentialBlock discriminatorFeatures(int width) {
        return new SequentialBlock()
                .add(downsample(width))
                .add(Activation.leakyReluBlock(LEAK))
                .add(downsample(2 * width))
                .add(BatchNorm.builder().build())
                .add(Activation.leakyReluBlock(LEAK))
                .add(downsample(4 * width))
                .add(BatchNorm.builder().build())
                .add(Activation.leakyReluBlock(LEAK))
                .add(Blocks.batchFlattenBlock());
    }

    /** The input shape a generator is initialised with. */
    public static Shape latentShape(int batchSize, int latentSize) {
        return new Shape(batchSize, latentSize);
    }

    /** The input shape a discriminator is initialised with. */
    public static Shape imageShape(int batchSize) {
        return new Shape(batchSize, CHANNELS, IMAGE_SIZE, IMAGE_SIZE);
    }

    private static Block upsampleStage(int filters) {
        return new SequentialBlock()
                .add(nearestUpsample())
                .add(conv3x3(filters, false))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    private static Block nearestUpsample() {
        return new LambdaBlock(Dcgan32::doubleSpatially);
    }

    private static NDList doubleSpatially(NDList input) {
        NDArray image = input.singletonOrThrow();
        return new NDList(image.repeat(2, 2).repeat(3, 2));
    }

    private static Block conv3x3(int filters, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    private static Block downsample(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(4, 4))
                .optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .build();
    }
}
