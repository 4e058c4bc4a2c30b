package io.pinxit.recording;

import java.util.UUID;

/** A command names an artwork that the catalog does not hold; retrying cannot help. */
public class ArtworkNotFoundException extends RuntimeException {

    public ArtworkNotFoundException(UUID artworkId) {
        super("There is no artwork " + artworkId + " in the catalog");
    }
}
