package io.pinxit.gateway.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A client's request to generate pictures; a missing seed is chosen by the gateway and recorded. */
public record GenerationRequest(
        @NotBlank String model,
        @NotNull @Min(1) @Max(16) Integer count,
        @Min(0) @Max(MAX_SEED) Long seed) {

    /** The largest integer a JSON client (JavaScript included) can hold exactly. */
    public static final long MAX_SEED = 9_007_199_254_740_991L;
}
