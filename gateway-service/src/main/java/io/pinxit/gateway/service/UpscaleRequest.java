package io.pinxit.gateway.service;

import io.pinxit.contracts.Visibility;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A client's request to enlarge an existing artwork, with the authorship of the new picture. A missing licence or
 * visibility is the parent's, so that upscaling never publishes or relicenses a picture by default.
 */
public record UpscaleRequest(
        @NotNull UUID artworkId,
        @NotNull @UpscaleFactor Integer factor,
        @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Licence String licence,
        Visibility visibility,
        @Size(max = GenerationRequest.WEBHOOK_MAX_LENGTH) String webhook) {
}
