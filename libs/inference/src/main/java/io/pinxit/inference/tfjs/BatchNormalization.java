package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;

/**
 * Inference-mode batch normalisation over the channel axis, (x − mean) · factor + offset, with
 * factor = gamma / sqrt(variance + epsilon) computed once at load. Each array holds one value per channel.
 */
record BatchNormalization(NDArray mean, NDArray factor, NDArray offset) implements Layer {

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray x = inputs.get(0);
        int trailing = x.getShape().dimension() - 2;
        return x.sub(broadcastable(mean, trailing)).mul(broadcastable(factor, trailing))
                .add(broadcastable(offset, trailing));
    }

    private static NDArray broadcastable(NDArray perChannel, int trailingAxes) {
        long[] shape = new long[trailingAxes + 2];
        Arrays.fill(shape, 1);
        shape[1] = perChannel.size();
        return perChannel.reshape(shape);
    }
}
