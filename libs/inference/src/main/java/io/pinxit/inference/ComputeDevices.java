package io.pinxit.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The devices a worker runs its models on, as its configuration names them: {@code auto} (every GPU the engine sees,
 * or the CPU when it sees none), {@code cpu}, or a list such as {@code gpu:0,gpu:1} (which may name {@code cpu} too).
 */
public final class ComputeDevices {

    public static final String AUTO = "auto";
    private static final String CPU = "cpu";
    private static final String GPU_PREFIX = "gpu:";

    private ComputeDevices() {
    }

    /** The devices {@code spec} names on this machine, with the GPUs that PyTorch's engine finds. */
    public static List<Device> discover(String spec) {
        DjlRuntime.configure();
        return select(spec, Engine.getInstance().getGpuCount());
    }

    /**
     * The devices {@code spec} names on a machine with {@code gpuCount} GPUs.
     *
     * @throws IllegalArgumentException when it names no device, a GPU the machine lacks, or a device twice
     */
    public static List<Device> select(String spec, int gpuCount) {
        String normalised = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (AUTO.equals(normalised)) {
            return gpuCount == 0 ? List.of(Device.cpu()) : gpus(gpuCount);
        }
        Set<Device> devices = new LinkedHashSet<>();
        for (String name : normalised.split(",")) {
            Device device = named(name.strip(), gpuCount, spec);
            if (!devices.add(device)) {
                throw new IllegalArgumentException("Device '%s' is named twice in '%s'".formatted(name.strip(), spec));
            }
        }
        return List.copyOf(devices);
    }

    private static Device named(String name, int gpuCount, String spec) {
        if (CPU.equals(name)) {
            return Device.cpu();
        }
        if (name.startsWith(GPU_PREFIX)) {
            int index = gpuIndex(name.substring(GPU_PREFIX.length()), spec);
            if (index >= gpuCount) {
                throw new IllegalArgumentException("'%s' names %s, but this machine has %d GPU(s)"
                        .formatted(spec, name, gpuCount));
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException(
                "'%s' is not a device list: use auto, cpu, or names such as gpu:0,gpu:1".formatted(spec));
    }

    private static int gpuIndex(String index, String spec) {
        try {
            int parsed = Integer.parseInt(index);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the whole setting.
        }
        throw new IllegalArgumentException("'%s' names GPU '%s'; a GPU is gpu:N, N from 0".formatted(spec, index));
    }

    private static List<Device> gpus(int count) {
        List<Device> gpus = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            gpus.add(Device.gpu(index));
        }
        return List.copyOf(gpus);
    }
}
