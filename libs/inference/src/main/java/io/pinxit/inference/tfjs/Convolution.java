package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * Conv2D and DepthwiseConv2D (groups = input channels). Uneven 'same' padding is added explicitly (see
 * {@link SamePadding}).
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

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray x = inputs.get(0);
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
}
