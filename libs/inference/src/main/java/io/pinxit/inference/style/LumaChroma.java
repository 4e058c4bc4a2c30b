package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** [1, 3, H, W] pictures between RGB and YCbCr (BT.601, chroma centred on 0), as 1×1 convolutions so gradients pass. */
final class LumaChroma {

    private static final float[] FROM_RGB = {
        0.299f, 0.587f, 0.114f,
        -0.168736f, -0.331264f, 0.5f,
        0.5f, -0.418688f, -0.081312f};
    private static final float[] TO_RGB = {
        1f, 0f, 1.402f,
        1f, -0.344136f, -0.714136f,
        1f, 1.772f, 0f};

    private LumaChroma() {}

    static NDArray fromRgb(NDArray rgb) {
        return mixed(rgb, FROM_RGB);
    }

    static NDArray toRgb(NDArray ycbcr) {
        return mixed(ycbcr, TO_RGB);
    }

    private static NDArray mixed(NDArray picture, float[] matrix) {
        NDManager manager = picture.getManager();
        NDArray kernel = manager.create(matrix, new Shape(3, 3, 1, 1));
        return Conv2d.conv2d(picture, kernel).singletonOrThrow();
    }
}
