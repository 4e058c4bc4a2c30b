package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * Conv2D and DepthwiseConv2D (groups = input channels). TF's 'same' padding puts the odd pixel after the
 * image, which PyTorch's symmetric padding cannot say, so uneven padding is added explicitly.
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
            int[] vertical = samePadding(x.getShape().get(2), 0);
            int[] horizontal = samePadding(x.getShape().get(3), 1);
            if (vertical[0] == vertical[1] && horizontal[0] == horizontal[1]) {
                padding = new Shape(vertical[0], horizontal[0]);
            } else {
                x = x.pad(new Shape(horizontal[0], horizontal[1], vertical[0], vertical[1]), 0);
            }
        }
        NDArray y = Conv2d.conv2d(x, kernel, bias, new Shape(strides[0], strides[1]), padding,
                new Shape(dilation[0], dilation[1]), groups).singletonOrThrow();
        return activation.apply(y);
    }

    /** TF's padding before and after one spatial axis: the output has ceil(size / stride) positions. */
    private int[] samePadding(long size, int axis) {
        long kernelSize = kernel.getShape().get(2 + axis);
        long effectiveKernel = (kernelSize - 1) * dilation[axis] + 1;
        long outputSize = (size + strides[axis] - 1) / strides[axis];
        int total = (int) Math.max((outputSize - 1) * strides[axis] + effectiveKernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }
}
