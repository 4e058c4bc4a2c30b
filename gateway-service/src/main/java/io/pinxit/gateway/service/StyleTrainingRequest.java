package io.pinxit.gateway.service;

import io.pinxit.contracts.StyleTrainingCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A client's request to learn a saved style into a fast style network: {@code steps} optimiser steps (default
 * {@value StyleTrainingCommand#DEFAULT_STEPS}) over training photos drawn by {@code seed} (drawn and recorded when
 * missing).
 */
public record StyleTrainingRequest(
        @Min(1) @Max(StyleTrainingCommand.MAX_STEPS) Integer steps,
        @Min(0) @Max(GenerationRequest.MAX_SEED) Long seed) {

    /** A request that leaves everything to the defaults, as an empty body does. */
    public static final StyleTrainingRequest DEFAULTS = new StyleTrainingRequest(null, null);

    int stepsOrDefault() {
        return steps == null ? StyleTrainingCommand.DEFAULT_STEPS : steps;
    }
}
