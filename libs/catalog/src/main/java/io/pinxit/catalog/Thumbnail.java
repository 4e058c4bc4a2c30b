package io.pinxit.catalog;

/** A small PNG of an artwork for grids, stored beside the original and made once when the artwork is recorded. */
public record Thumbnail(String key, int width, int height) {
}
