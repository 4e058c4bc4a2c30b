package io.pinxit.gateway.service;

import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Visibility;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A client's request to paint a content picture in the manner of a style picture. Each is given by reference here
 * ({@code content.artworkId}; {@code style.artworkId} or {@code style.styleId}) or uploaded beside this request as
 * form part {@code content} or {@code style}: exactly one source each. Missing options take their defaults: strength
 * {@value StyleCommand#DEFAULT_STRENGTH}, colours from the style, size {@value StyleCommand#DEFAULT_SIZE}, a seed the
 * gateway draws and records, method {@link StyleMethod#AUTO}.
 */
public record StyleTransferRequest(
        Source content,
        Source style,
        @DecimalMin("0.0") @DecimalMax("1.0") Double strength,
        Boolean preserveColor,
        @Min(StyleCommand.MIN_SIZE) @Max(StyleCommand.MAX_SIZE) Integer size,
        @Min(0) @Max(GenerationRequest.MAX_SEED) Long seed,
        @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Licence String licence,
        Visibility visibility,
        StyleMethod method,
        @Size(max = GenerationRequest.WEBHOOK_MAX_LENGTH) String webhook) {

    /** A request that gives nothing but what is uploaded beside it. */
    public static final StyleTransferRequest EMPTY = new StyleTransferRequest(null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** An input given by reference: an artwork the caller may see, or (for the style only) a saved style. */
    public record Source(UUID artworkId, UUID styleId) {
    }

    double strengthOrDefault() {
        return strength == null ? StyleCommand.DEFAULT_STRENGTH : strength;
    }

    boolean preserveColorOrDefault() {
        return preserveColor != null && preserveColor;
    }

    StyleMethod methodOrDefault() {
        return method == null ? StyleMethod.AUTO : method;
    }

    int sizeOrDefault() {
        return size == null ? StyleCommand.DEFAULT_SIZE : size;
    }
}
