package io.pinxit.catalog;

/** How an artwork came to be. */
public enum ArtworkKind {
    GENERATED
}
