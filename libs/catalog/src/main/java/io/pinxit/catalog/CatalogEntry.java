package io.pinxit.catalog;

/** An artwork together with its provenance record. */
public record CatalogEntry(Artwork artwork, ProvenanceRecord provenance) {
}
