package io.pinxit.gateway.service;

import io.pinxit.contracts.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A style to save in the library, beside its picture: a {@code name} (unique among the caller's styles, whatever the
 * case), and the credit every picture made with it will carry: who made the source artwork ({@code attribution}),
 * where it comes from ({@code source}: a URL or a description) and its licence (an SPDX id). Public when no
 * visibility is given: a style is there to be shared.
 */
public record StyleRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 500) String attribution,
        @NotBlank @Size(max = 2000) String source,
        @NotNull @Pattern(regexp = SPDX_ID, message = SPDX_MESSAGE) String licence,
        Visibility visibility) {

    /** An SPDX licence id, or a LicenseRef- of one's own: letters, digits, '.', '-' and '+'. */
    static final String SPDX_ID = "[A-Za-z0-9][A-Za-z0-9.+-]{0,63}";
    static final String SPDX_MESSAGE = "must be an SPDX licence id such as CC0-1.0 or CC-BY-4.0, or a "
            + "LicenseRef-… of your own";
}
