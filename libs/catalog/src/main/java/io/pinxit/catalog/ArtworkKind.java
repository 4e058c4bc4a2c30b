package io.pinxit.catalog;

/** How an artwork came to be. */
public enum ArtworkKind {
    /** Made by a generative model from a seed (and a label, for conditional models). */
    GENERATED,
    /** The content of one picture in the style of another. */
    STYLED,
    /** An existing artwork at a higher resolution. */
    UPSCALED,
    /** Sampled near an existing artwork in a model's latent space. */
    VARIATION,
    /** One step of an interpolation between two points of a model's latent space. */
    FRAME,
    /** The frames of an interpolation, in order, as one animated PNG. */
    ANIMATION
}
