package io.pinxit.contracts;

/** What a job asks for; each kind has its own command topic. */
public enum JobKind {
    GENERATION,
    STYLE_TRANSFER,
    /** A saved style learned into a fast style network. */
    STYLE_TRAINING,
    /** An existing artwork enlarged by a super-resolution model. */
    UPSCALE,
    /** Frames between two points of a model's latent space, and an animation of them. */
    INTERPOLATION
}
