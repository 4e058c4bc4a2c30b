package io.pinxit.inference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU kernel families PyTorch compiles its vectorised operators for, and how a process picks one: the
 * {@value #ATEN_VARIABLE} variable if set, else the best one the processor supports (as ATen's dispatcher decides).
 * The same pictures on two families are a rounding step apart at most (docs/numerics.md).
 */
public enum KernelFamily {
    DEFAULT("default", Set.of()),
    AVX2("avx2", Set.of("avx2", "fma")),
    AVX512("avx512", Set.of("avx512vl", "avx512bw", "avx512dq", "fma"));

    public static final String ATEN_VARIABLE = "ATEN_CPU_CAPABILITY";
    /** Caps the instruction set of oneDNN, which runs PyTorch's convolutions on the CPU. */
    public static final String ONEDNN_VARIABLE = "ONEDNN_MAX_CPU_ISA";

    private final String name;
    private final Set<String> requiredFlags;

    KernelFamily(String name, Set<String> requiredFlags) {
        this.name = name;
        this.requiredFlags = requiredFlags;
    }

    /** The name ATen's variable takes: {@code default}, {@code avx2} or {@code avx512}. */
    public String variableValue() {
        return name;
    }

    /** Whether a processor with these /proc/cpuinfo flags can run this family's instructions. */
    public boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(requiredFlags);
    }

    /** The family the variable asks for, if it names one. */
    public static Optional<KernelFamily> requested(Map<String, String> environment) {
        String value = environment.get(ATEN_VARIABLE);
        if (value == null) {
            return Optional.empty();
        }
        for (KernelFamily family : values()) {
            if (family.name.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /** The family this process dispatches to: the requested one, else the best the processor supports. */
    public static KernelFamily inEffect(Map<String, String> environment, Set<String> cpuFlags) {
        return requested(environment).orElseGet(() -> AVX512.runsOn(cpuFlags) ? AVX512
                : AVX2.runsOn(cpuFlags) ? AVX2 : DEFAULT);
    }

    /**
     * The kernels as provenance names them: the family, and oneDNN's cap when one is set, e.g. {@code avx512} or
     * {@code avx2/onednn<=avx2}.
     */
    public static String describe(Map<String, String> environment, Set<String> cpuFlags) {
        String family = inEffect(environment, cpuFlags).name;
        String cap = environment.get(ONEDNN_VARIABLE);
        if (cap == null || cap.isBlank() || cap.equalsIgnoreCase("ALL")) {
            return family;
        }
        return family + "/onednn<=" + cap.trim().toLowerCase(Locale.ROOT);
    }
}
