package io.pinxit.inference.gan;

/** Latent vectors that are all to be drawn as label number {@code label} of {@code labelCount}. */
public record LabelledLatentBatch(LatentBatch latents, int label, int labelCount) {

    public LabelledLatentBatch {
        if (label < 0 || label >= labelCount) {
            throw new IllegalArgumentException("label %d is not in [0, %d)".formatted(label, labelCount));
        }
    }
}
