package io.pinxit.inference.style;

import io.pinxit.contracts.StyleTrainingCommand;

/**
 * How a fast style is trained.
 *
 * @param steps optimiser steps, each over {@code batchSize} crops of the training photos
 * @param batchSize crops per step
 * @param cropSize the side of the square crops, in pixels
 * @param seed makes the network's first weights and the crops, so that a run can be repeated
 */
public record FastStyleSchedule(int steps, int batchSize, int cropSize, long seed) {

    /** @throws IllegalArgumentException when a value is outside its range */
    public FastStyleSchedule {
        if (steps < 1 || steps > StyleTrainingCommand.MAX_STEPS) {
            throw new IllegalArgumentException(
                    "steps must be between 1 and %d, not %d".formatted(StyleTrainingCommand.MAX_STEPS, steps));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        if (cropSize < 32 || cropSize % 4 != 0) {
            throw new IllegalArgumentException("cropSize must be a multiple of 4 from 32, not " + cropSize);
        }
    }

    public FastStyleSchedule withSteps(int newSteps) {
        return new FastStyleSchedule(newSteps, batchSize, cropSize, seed);
    }

    public FastStyleSchedule withSeed(long newSeed) {
        return new FastStyleSchedule(steps, batchSize, cropSize, newSeed);
    }
}
