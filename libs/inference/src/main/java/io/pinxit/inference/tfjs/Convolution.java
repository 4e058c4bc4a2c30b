package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * Conv2D and DepthwiseConv2D (groups = input channels). Uneven 'same' padding is added explicitly (see
 * {@link SamePadding}). A full convolution over more than {@value #CHANNEL_BLOCK} input channels that are not a
 * whole number of blocks of {@value #CHANNEL_BLOCK} gets zero channels added to its input and kernel: oneDNN's AVX2
 * kernels sum such inputs wrongly (seen with 9–15 and 17–23 channels when its instruction set is capped at AVX2 on an
 * AVX-512 EPYC), and zeros change no sum.
 *
 * @param kernel in PyTorch's OIHW layout
 * @param bias one per output channel, or null
 */
record Convolution(
        NDArray kernel,
        NDArray bias,
        int[] strides,
        int[] dilation,
        boolean samePadding,
        int groups,
        Activation activation) implements Layer {

    static final int CHANNEL_BLOCK = 8;

    Convolution {
        long channels = kernel.getShape().get(1);
        if (groups == 1 && channels > CHANNEL_BLOCK && channels % CHANNEL_BLOCK != 0) {
            kernel = withZeroChannels(kernel, CHANNEL_BLOCK - channels % CHANNEL_BLOCK);
        }
    }

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray x = inputs.get(0);
        long missing = groups == 1 ? kernel.getShape().get(1) - x.getShape().get(1) : 0;
        if (missing > 0) {
            x = withZeroChannels(x, missing);
        }
        Shape padding = new Shape(0, 0);
        if (samePadding) {
            long[] window = {
                (kernel.getShape().get(2) - 1) * dilation[0] + 1, (kernel.getShape().get(3) - 1) * dilation[1] + 1};
            SamePadding same = SamePadding.of(x.getShape(), window, strides);
            if (same.symmetric()) {
                padding = new Shape(same.top(), same.left());
            } else {
                x = x.pad(same.asPadShape(), 0);
            }
        }
        NDArray y = Conv2d.conv2d(x, kernel, bias, new Shape(strides[0], strides[1]), padding,
                new Shape(dilation[0], dilation[1]), groups).singletonOrThrow();
        return activation.apply(y);
    }

    /** {@code x} (N, C, H, W) with {@code count} all-zero channels after its own. */
    private static NDArray withZeroChannels(NDArray x, long count) {
        Shape shape = x.getShape();
        return x.concat(x.getManager().zeros(new Shape(shape.get(0), count, shape.get(2), shape.get(3))), 1);
    }
}
