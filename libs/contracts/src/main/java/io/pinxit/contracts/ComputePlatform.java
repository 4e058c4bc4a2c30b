package io.pinxit.contracts;

import java.util.Objects;

/**
 * What a picture was computed on, as far as its pixels can depend on it: the device (DJL's {@code cpu()} or
 * {@code gpu(0)}), the processor's model, the kernel family the numerical libraries dispatch to (PyTorch's CPU
 * capability, a cap on oneDNN's instruction set when one is set, or the GPU's), the intra-op threads and the libraries'
 * versions. The same model, weights, seed and parameters with the same numerics (device kind, kernels and threads)
 * give identical pixels; with other numerics, pixels a rounding step apart (docs/numerics.md).
 */
public record ComputePlatform(String device, String processor, String kernels, int threads, String libraries) {

    public ComputePlatform {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kernels, "kernels");
    }

    /**
     * Whether pictures made here and there must be identical to the bit: the same device kind, kernels and intra-op
     * threads (oneDNN blocks some convolutions by thread count). The processor's name does not matter.
     */
    public boolean sameNumericsAs(ComputePlatform other) {
        return other != null && deviceKind().equals(other.deviceKind()) && kernels.equals(other.kernels)
                && threads == other.threads;
    }

    /** {@code cpu} or {@code gpu}: the device without its index. */
    public String deviceKind() {
        int index = device.indexOf('(');
        return index < 0 ? device : device.substring(0, index);
    }
}
