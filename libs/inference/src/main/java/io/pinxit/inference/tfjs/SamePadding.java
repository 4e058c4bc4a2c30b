package io.pinxit.inference.tfjs;

import ai.djl.ndarray.types.Shape;

/**
 * TF's 'same' padding of an NCHW image for a sliding window: the output has ceil(size / stride) positions
 * along each axis, and an odd pixel of padding goes after the image, which PyTorch's symmetric padding
 * parameters cannot say.
 */
record SamePadding(int top, int bottom, int left, int right) {

    /**
     * @param window the window's extent along height and width (for a dilated kernel, its dilated extent)
     */
    static SamePadding of(Shape image, long[] window, int[] strides) {
        int[] vertical = along(image.get(2), window[0], strides[0]);
        int[] horizontal = along(image.get(3), window[1], strides[1]);
        return new SamePadding(vertical[0], vertical[1], horizontal[0], horizontal[1]);
    }

    boolean symmetric() {
        return top == bottom && left == right;
    }

    /** The padding as {@code NDArray.pad} takes it for an NCHW array: last axis first. */
    Shape asPadShape() {
        return new Shape(left, right, top, bottom);
    }

    private static int[] along(long size, long window, int stride) {
        long outputSize = (size + stride - 1) / stride;
        int total = (int) Math.max((outputSize - 1) * stride + window - size, 0);
        return new int[] {total / 2, total - total / 2};
    }
}
