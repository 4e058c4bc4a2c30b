package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** One layer of a layers model, applied to NCHW (or rank-2) arrays; see {@link Layout}. */
sealed interface Layer permits Convolution, BatchNormalization, Dense, Layer.Identity, Layer.ActivationLayer,
        Layer.Add, Layer.Concatenate, Layer.ZeroPadding, Layer.NearestUpsampling, Pooling, Layer.Flatten {

    NDArray apply(List<NDArray> inputs);

    /** Layers that do nothing at inference time, such as Dropout. */
    record Identity() implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            return inputs.get(0);
        }
    }

    record ActivationLayer(Activation activation) implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            return activation.apply(inputs.get(0));
        }
    }

    record Add() implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            NDArray sum = inputs.get(0);
            for (NDArray input : inputs.subList(1, inputs.size())) {
                sum = sum.add(input);
            }
            return sum;
        }
    }

    record Concatenate(int tfjsAxis) implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            return NDArrays.concat(new NDList(inputs), Layout.axisOf(tfjsAxis, inputs.get(0)));
        }
    }

    record ZeroPadding(int top, int bottom, int left, int right) implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            return inputs.get(0).pad(new Shape(left, right, top, bottom), 0);
        }
    }

    record NearestUpsampling(int height, int width) implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            return inputs.get(0).repeat(2, height).repeat(3, width);
        }
    }

    /** Flattens in TF.js's channels-last order, so that a following Dense layer sees its inputs in place. */
    record Flatten() implements Layer {
        @Override
        public NDArray apply(List<NDArray> inputs) {
            NDArray x = Layout.toTfjs(inputs.get(0));
            return x.reshape(x.getShape().get(0), -1);
        }
    }
}
