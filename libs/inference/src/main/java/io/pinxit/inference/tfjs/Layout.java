package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;

/**
 * Images travel through the network as contiguous NCHW, the layout PyTorch's kernels want, while TF.js models are
 * written for NHWC: inputs and outputs are transposed once at the model's edge, never between layers.
 */
final class Layout {

    static final int CHANNEL_AXIS = 1;
    private static final int IMAGE_RANK = 4;

    private Layout() {}

    /**
     * A transposed view would keep channels-last strides, and PyTorch would then run every layer channels-last
     * through oneDNN's NHWC kernels, which compute wrong sums for some shapes on some processors (output channels
     * 64–79 of nsfwjs Inception's 1×1 convolution over 73×73, on an AVX-512 EPYC): flattening copies the view into
     * NCHW order.
     */
    static NDArray fromTfjs(NDArray x) {
        if (x.getShape().dimension() != IMAGE_RANK) {
            return x;
        }
        NDArray view = x.transpose(0, 3, 1, 2);
        return view.flatten().reshape(view.getShape());
    }

    static NDArray toTfjs(NDArray x) {
        return x.getShape().dimension() == IMAGE_RANK ? x.transpose(0, 2, 3, 1) : x;
    }

    /** The axis of {@code x} that a TF.js channels-last axis (negative counts from the end) refers to. */
    static int axisOf(int tfjsAxis, NDArray x) {
        int rank = x.getShape().dimension();
        int axis = tfjsAxis < 0 ? rank + tfjsAxis : tfjsAxis;
        if (rank != IMAGE_RANK) {
            return axis;
        }
        return switch (axis) {
            case 0 -> 0;
            case 1 -> 2;
            case 2 -> 3;
            case 3 -> CHANNEL_AXIS;
            default -> throw new IllegalArgumentException("Axis %d is outside a rank-4 tensor".formatted(tfjsAxis));
        };
    }
}
