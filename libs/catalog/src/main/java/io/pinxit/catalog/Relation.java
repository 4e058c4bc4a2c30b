package io.pinxit.catalog;

/**
 * How a parent artwork went into a child: as its content, its style, the seed of a variation, upscaled, as an end of
 * the interpolation the child is a frame of, or as a frame of the child's animation.
 */
public enum Relation {
    CONTENT,
    STYLE,
    VARIATION,
    UPSCALE,
    ENDPOINT,
    FRAME
}
