package io.pinxit.inference.features;

/**
 * How far two float32 implementations of one network may drift apart, relative to the largest value compared. Each
 * layer's outputs are sums of {@code fanIn} products; summed in another order their rounding errors grow like
 * √fanIn·u (u = 2⁻²⁴: a random walk of roundings, Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * §4.2), every layer on the longest path adds its own, and both implementations make them, so 2·depth·√fanIn·u; a
 * factor of 4 covers sums whose terms partly cancel. Wrong kernels miss it by orders of magnitude (a defective oneDNN
 * path moved an Inception feature by 0.22 of 0.94).
 */
record Float32Drift(int depth, int largestFanIn) {

    private static final double UNIT_ROUNDOFF = 0x1p-24;
    private static final int CANCELLATION_MARGIN = 4;

    /** nsfwjs's MobileNet v2: 52 convolutions and a dense layer; the widest sum is the dense layer's 1280 inputs. */
    static final Float32Drift MOBILENET_V2 = new Float32Drift(53, 1280);
    /** nsfwjs's Inception v3: 48 layers deep; the widest sum is a 3×3 convolution over 448 channels. */
    static final Float32Drift INCEPTION_V3 = new Float32Drift(48, 3 * 3 * 448);

    double relative() {
        return CANCELLATION_MARGIN * 2 * depth * Math.sqrt(largestFanIn) * UNIT_ROUNDOFF;
    }

    /** The tolerance for values whose largest magnitude in the reference is {@code scale}. */
    float tolerance(float[] reference) {
        float scale = 0;
        for (float value : reference) {
            scale = Math.max(scale, Math.abs(value));
        }
        return (float) (relative() * scale);
    }
}
