package io.pinxit.catalog;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which artworks a listing shows; a null field does not filter. Dates are UTC days on which the artwork was made,
 * both inclusive. {@code text} is a web-search-style query over title, description, label and model.
 */
public record ArtworkFilter(String model, ArtworkKind kind, UUID authorId, String licence, LocalDate madeFrom,
                            LocalDate madeUntil, String text) {

    public static final ArtworkFilter NONE = new ArtworkFilter(null, null, null, null, null, null, null);

    public ArtworkFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
