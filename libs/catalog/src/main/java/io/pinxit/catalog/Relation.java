package io.pinxit.catalog;

/** How a parent artwork went into a child: as its content, its style, the seed of a variation, or upscaled. */
public enum Relation {
    CONTENT,
    STYLE,
    VARIATION,
    UPSCALE
}
