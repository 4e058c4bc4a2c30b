package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A fully connected layer on rank-2 inputs; {@code kernel} is [inputs, units] as TF.js stores it. */
record Dense(NDArray kernel, NDArray bias, Activation activation) implements Layer {

    @Override
    public NDArray apply(List<NDArray> inputs) {
        NDArray y = inputs.get(0).matMul(kernel);
        return activation.apply(bias == null ? y : y.add(bias));
    }
}
