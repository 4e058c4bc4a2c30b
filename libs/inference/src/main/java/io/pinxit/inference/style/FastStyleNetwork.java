package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A feed-forward style network after Johnson et al. (2016), slimmed to paint a 512-pixel picture in well under a
 * second on a CPU: two strided convolutions down to a quarter of the side, residual blocks there, and
 * nearest-neighbour doubling plus a convolution back up (PyTorch's Block API in DJL has no transposed convolution,
 * which would also draw checkerboards). Instance normalisation throughout and mirrored padding before every
 * convolution, so that neither a picture's size nor its edges change how it is painted. Pictures in and out are
 * [N, 3, H, W] in 0–1; sides that are multiples of 4 come out unchanged.
 */
final class FastStyleNetwork {

    static final String ARCHITECTURE = "fast-style-net";
    private static final int WIDTH = 16;
    private static final int RESIDUAL_BLOCKS = 5;

    private FastStyleNetwork() {}

    static Block create() {
        var network = new SequentialBlock()
                .add(convolution(WIDTH, 5, 1))
                .add(convolution(2 * WIDTH, 3, 2))
                .add(convolution(4 * WIDTH, 3, 2));
        for (int i = 0; i < RESIDUAL_BLOCKS; i++) {
            network.add(residual(4 * WIDTH));
        }
        return network
                .add(upsampling(2 * WIDTH))
                .add(upsampling(WIDTH))
                .add(mirrored(2))
                .add(conv(3, 5, 1))
                .add(Activation::sigmoid);
    }

    /** The input shape the network is initialised with. */
    static Shape inputShape(int pictures, int side) {
        return new Shape(pictures, 3, side, side);
    }

    private static Block convolution(int filters, int kernel, int stride) {
        return new SequentialBlock()
                .add(mirrored(kernel / 2))
                .add(conv(filters, kernel, stride))
                .add(new InstanceNorm(filters))
                .add(Activation.reluBlock());
    }

    private static Block upsampling(int filters) {
        return new SequentialBlock()
                .add(list -> new NDList(list.singletonOrThrow().repeat(2, 2).repeat(3, 2)))
                .add(convolution(filters, 3, 1));
    }

    private static Block residual(int channels) {
        var branch = new SequentialBlock()
                .add(convolution(channels, 3, 1))
                .add(mirrored(1))
                .add(conv(channels, 3, 1))
                .add(new InstanceNorm(channels));
        return new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(branch, Blocks.identityBlock()));
    }

    private static Block mirrored(int margin) {
        return new LambdaBlock(list -> new NDList(Mirroring.padded(list.singletonOrThrow(), margin)));
    }

    private static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .setFilters(filters)
                .build();
    }

    /** Each picture's channels normalised over their positions, then scaled and shifted by learned amounts. */
    private static final class InstanceNorm extends AbstractBlock {

        private static final byte VERSION = 1;
        private static final float EPSILON = 1e-5f;
        private final Parameter gamma;
        private final Parameter beta;
        private final int channels;

        InstanceNorm(int channels) {
            super(VERSION);
            this.channels = channels;
            gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                    .optShape(new Shape(channels)).optInitializer(new ConstantInitializer(1)).build());
            beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                    .optShape(new Shape(channels)).optInitializer(new ConstantInitializer(0)).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray positions = x.reshape(x.getShape().get(0), channels, -1);
            NDArray centred = positions.sub(positions.mean(new int[] {2}, true));
            NDArray spread = centred.square().mean(new int[] {2}, true).add(EPSILON).sqrt();
            NDArray normalised = centred.div(spread).reshape(x.getShape());
            NDArray scale = store.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
            NDArray shift = store.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
            return new NDList(normalised.mul(scale).add(shift));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
    }
}
