package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * MaxPooling2D and AveragePooling2D. With 'same' padding the image is padded explicitly: with −∞ for the
 * maximum, and for the average with zeros and then divided by the share of real pixels in each window,
 * because TF averages over those only (PyTorch's average pooling would count the padding).
 */
record Pooling(Kind kind, int[] pool, int[] strides, boolean samePadding) implements Layer {

    enum Kind { MAX, AVERAGE }

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray x = inputs.get(0);
        if (!samePadding) {
            return pooled(x);
        }
        Shape padding = SamePadding.of(x.getShape(), new long[] {pool[0], pool[1]}, strides).asPadShape();
        if (kind == Kind.MAX) {
            return pooled(x.pad(padding, Float.NEGATIVE_INFINITY));
        }
        Shape shape = x.getShape();
        NDArray realPixels = x.getManager().ones(new Shape(1, 1, shape.get(2), shape.get(3))).pad(padding, 0);
        return pooled(x.pad(padding, 0)).div(pooled(realPixels));
    }

    private NDArray pooled(NDArray x) {
        Shape window = new Shape(pool[0], pool[1]);
        Shape stride = new Shape(strides[0], strides[1]);
        Shape none = new Shape(0, 0);
        return kind == Kind.MAX
                ? Pool.maxPool2d(x, window, stride, none, false)
                : Pool.avgPool2d(x, window, stride, none, false, false);
    }
}
