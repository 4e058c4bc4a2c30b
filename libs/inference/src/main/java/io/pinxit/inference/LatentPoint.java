package io.pinxit.inference;

import java.util.Arrays;

/**
 * A place in a {@link LatentImageGenerator}'s input space: the latent vector and the label weights it is
 * decoded with (one-hot for one label, mixed weights between labels; empty for a model without labels).
 */
public record LatentPoint(float[] latent, float[] labelWeights) {

    public LatentPoint {
        latent = latent.clone();
        labelWeights = labelWeights.clone();
    }

    @Override
    public float[] latent() {
        return latent.clone();
    }

    @Override
    public float[] labelWeights() {
        return labelWeights.clone();
    }

    /**
     * The point a fraction {@code t} (0..1) of the way to {@code other}: spherical interpolation of the latent
     * vectors, which keeps them at the norms a Gaussian prior expects, and linear interpolation of the label weights.
     */
    public LatentPoint towards(LatentPoint other, double t) {
        requireSameShape(other);
        return new LatentPoint(slerp(latent, other.latent, t), lerp(labelWeights, other.labelWeights, t));
    }

    /** This point moved by {@code strength} times {@code noise} (a standard normal vector of the latent's size). */
    public LatentPoint nudged(float[] noise, double strength) {
        if (noise.length != latent.length) {
            throw new IllegalArgumentException("noise has %d values, the latent %d".formatted(noise.length, latent.length));
        }
        float[] moved = new float[latent.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = (float) (latent[i] + strength * noise[i]);
        }
        return new LatentPoint(moved, labelWeights);
    }

    private void requireSameShape(LatentPoint other) {
        if (other.latent.length != latent.length || other.labelWeights.length != labelWeights.length) {
            throw new IllegalArgumentException("points of different models cannot be interpolated");
        }
    }

    private static float[] slerp(float[] from, float[] to, double t) {
        double dot = 0;
        double fromNorm = 0;
        double toNorm = 0;
        for (int i = 0; i < from.length; i++) {
            dot += (double) from[i] * to[i];
            fromNorm += (double) from[i] * from[i];
            toNorm += (double) to[i] * to[i];
        }
        double cosine = dot / Math.sqrt(fromNorm * toNorm);
        double angle = Math.acos(Math.max(-1, Math.min(1, cosine)));
        if (!(angle > 1e-6) || Math.PI - angle < 1e-6) {
            return lerp(from, to, t);
        }
        double fromWeight = Math.sin((1 - t) * angle) / Math.sin(angle);
        double toWeight = Math.sin(t * angle) / Math.sin(angle);
        float[] between = new float[from.length];
        for (int i = 0; i < between.length; i++) {
            between[i] = (float) (fromWeight * from[i] + toWeight * to[i]);
        }
        return between;
    }

    private static float[] lerp(float[] from, float[] to, double t) {
        float[] between = new float[from.length];
        for (int i = 0; i < between.length; i++) {
            between[i] = (float) ((1 - t) * from[i] + t * to[i]);
        }
        return between;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatentPoint point
                && Arrays.equals(latent, point.latent) && Arrays.equals(labelWeights, point.labelWeights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(latent) + Arrays.hashCode(labelWeights);
    }

    @Override
    public String toString() {
        return "LatentPoint[latent=%d values, labelWeights=%s]".formatted(latent.length, Arrays.toString(labelWeights));
    }
}
