package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture held as the levels of its Laplacian pyramid: the detail each octave adds to the one below it,
 * and a coarse remainder. Optimising the levels instead of the pixels moves a coarse level's whole area
 * with one step, which favours smooth changes over the pixel-sized noise that gradients through a strided
 * network carry.
 */
final class LaplacianPyramid {

    private final List<NDArray> levels;
    private final List<Shape> shapes;

    private LaplacianPyramid(List<NDArray> levels, List<Shape> shapes) {
        this.levels = levels;
        this.shapes = shapes;
    }

    /**
     * The pyramid of a [1, 3, H, W] picture with {@code depth} levels (finest first), composing back to
     * the picture exactly; its levels belong to {@code manager} and collect gradients.
     */
    static LaplacianPyramid of(NDArray picture, int depth, NDManager manager) {
        List<NDArray> levels = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray current = picture.duplicate();
            current.attach(scope);
            for (int level = 0; level < depth - 1; level++) {
                NDArray coarser = downsampled(current);
                levels.add(current.sub(upsampled(coarser, current.getShape())));
                shapes.add(current.getShape());
                current = coarser;
            }
            levels.add(current);
            shapes.add(current.getShape());
            for (NDArray level : levels) {
                level.attach(manager);
                level.setRequiresGradient(true);
            }
        }
        return new LaplacianPyramid(List.copyOf(levels), List.copyOf(shapes));
    }

    List<NDArray> levels() {
        return levels;
    }

    /** The picture the levels make, differentiable with respect to them. */
    NDArray composed() {
        NDArray picture = levels.get(levels.size() - 1);
        for (int level = levels.size() - 2; level >= 0; level--) {
            picture = levels.get(level).add(upsampled(picture, shapes.get(level)));
        }
        return picture;
    }

    /** Halves each side (rounding up) by averaging 2×2 blocks, repeating the last row or column of an odd side. */
    static NDArray downsampled(NDArray picture) {
        Shape shape = picture.getShape();
        NDArray even = picture;
        if (shape.get(2) % 2 == 1) {
            even = NDArrays.concat(new NDList(even, even.get(new NDIndex(":, :, -1:, :"))), 2);
        }
        if (shape.get(3) % 2 == 1) {
            even = NDArrays.concat(new NDList(even, even.get(new NDIndex(":, :, :, -1:"))), 3);
        }
        return Pool.avgPool2d(even, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, false);
    }

    /**
     * Doubles each side and crops to {@code target}'s height and width: pixel repetition smoothed by a 5×5 binomial
     * filter, a cubic B-spline, whose smooth bumps keep a coarse level's steps from showing as a grid of tiles.
     */
    static NDArray upsampled(NDArray picture, Shape target) {
        int channels = Math.toIntExact(picture.getShape().get(1));
        NDArray doubled = picture.repeat(2, 2).repeat(3, 2);
        NDArray smooth = Conv2d.conv2d(edgePadded(doubled), binomialKernel(picture.getManager(), channels),
                null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), channels).singletonOrThrow();
        return smooth.get(new NDIndex(":, :, :{}, :{}", target.get(2), target.get(3)));
    }

    /** Repeats the outermost rows and columns twice, as far as the filter reaches. */
    private static NDArray edgePadded(NDArray x) {
        NDArray top = x.get(new NDIndex(":, :, :1, :"));
        NDArray bottom = x.get(new NDIndex(":, :, -1:, :"));
        NDArray rows = NDArrays.concat(new NDList(top, top, x, bottom, bottom), 2);
        NDArray left = rows.get(new NDIndex(":, :, :, :1"));
        NDArray right = rows.get(new NDIndex(":, :, :, -1:"));
        return NDArrays.concat(new NDList(left, left, rows, right, right), 3);
    }

    private static NDArray binomialKernel(NDManager manager, int channels) {
        float[] taps = {1, 4, 6, 4, 1};
        float[] kernel = new float[channels * 25];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    kernel[c * 25 + i * 5 + j] = taps[i] * taps[j] / 256f;
                }
            }
        }
        return manager.create(kernel, new Shape(channels, 1, 5, 5));
    }
}
