package io.pinxit.inference.gan;

/**
 * Latent vectors that are all to be drawn under one {@code condition}: the row a conditional network takes beside
 * each latent vector (a label's one-hot row, or a prompt's words, see {@link ConditionalDcgan32}).
 */
public record ConditionedLatentBatch(LatentBatch latents, float[] condition) {}
