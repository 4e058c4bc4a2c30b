package io.pinxit.client;

import java.util.List;
import java.util.UUID;

/**
 * What the gallery can prove about a picture: {@code verdict} is TRUSTED, VALID_UNTRUSTED, INVALID, UNSIGNED or
 * NOT_AN_IMAGE, {@code summary} says it in a sentence, {@code knownArtworks} are the artworks of this gallery it is.
 */
public record Verification(String verdict, String summary, List<KnownArtwork> knownArtworks) {

    public Verification {
        knownArtworks = knownArtworks == null ? List.of() : List.copyOf(knownArtworks);
    }

    public boolean trusted() {
        return "TRUSTED".equals(verdict);
    }

    /** An artwork of the gallery whose picture this is. */
    public record KnownArtwork(UUID id, String title, String author) {
    }
}
