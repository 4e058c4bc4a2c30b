package io.pinxit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

/** The step our own training loops take instead of DJL's {@code Trainer}: one optimizer over one block. */
final class Gradients {

    private Gradients() {}

    /** Updates {@code block}'s trainable parameters with the gradients collected for them. */
    static void apply(Block block, Optimizer optimizer) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
            }
        }
    }
}
