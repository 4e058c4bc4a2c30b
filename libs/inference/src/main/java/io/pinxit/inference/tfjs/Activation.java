package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;

/** The activation functions the supported layers name; softmax runs over the channel axis. */
enum Activation {
    LINEAR,
    RELU,
    RELU6,
    SOFTMAX;

    static Activation named(String name) {
        return switch (name) {
            case "linear" -> LINEAR;
            case "relu" -> RELU;
            case "relu6" -> RELU6;
            case "softmax" -> SOFTMAX;
            default -> throw new IllegalArgumentException("Unsupported activation '%s'".formatted(name));
        };
    }

    NDArray apply(NDArray x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case RELU6 -> x.clip(0, 6);
            case SOFTMAX -> x.softmax(Layout.CHANNEL_AXIS);
        };
    }
}
