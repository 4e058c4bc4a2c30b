package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/** Reflection padding of [N, C, H, W] pictures: what lies past an edge is the picture mirrored at that edge. */
final class Mirroring {

    private Mirroring() {}

    /** {@code picture} with {@code margin} mirrored pixels added on every side. */
    static NDArray padded(NDArray picture, int margin) {
        if (margin == 0) {
            return picture;
        }
        return padded(padded(picture, 2, margin), 3, margin);
    }

    private static NDArray padded(NDArray picture, int axis, int margin) {
        long size = picture.getShape().get(axis);
        String before = axis == 2 ? ":, :, 1:{}, :" : ":, :, :, 1:{}";
        String after = axis == 2 ? ":, :, {}:{}, :" : ":, :, :, {}:{}";
        NDArray head = picture.get(new NDIndex(before, margin + 1)).flip(axis);
        NDArray tail = picture.get(new NDIndex(after, size - margin - 1, size - 1)).flip(axis);
        return NDArrays.concat(new NDList(head, picture, tail), axis);
    }
}
