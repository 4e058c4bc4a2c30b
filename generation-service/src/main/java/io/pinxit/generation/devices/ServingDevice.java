package io.pinxit.generation.devices;

import ai.djl.Device;
import io.pinxit.inference.ImageGenerator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One device of a {@link DevicePool}: the models loaded on it, the calls on it now, and what it has done. It is busy
 * while at least one call runs on it, however many do.
 */
public final class ServingDevice implements AutoCloseable {

    private final Device device;
    private final GeneratorCache models;
    private final Set<String> refusedModels = ConcurrentHashMap.newKeySet();
    private final LongAdder batches = new LongAdder();
    private final LongAdder pictures = new LongAdder();
    private int calls;
    private long busySince;
    private long busyNanos;

    ServingDevice(Device device, long maxModelBytes, Function<ModelSource, ImageGenerator> loading) {
        this.device = device;
        this.models = new GeneratorCache(maxModelBytes, loading);
    }

    /** How metrics and logs name it: {@code cpu()}, {@code gpu(0)}. */
    public String name() {
        return device.toString();
    }

    public Device device() {
        return device;
    }

    /** False once the model failed to load here: this device no longer takes it. */
    public boolean serves(String modelId) {
        return !refusedModels.contains(modelId);
    }

    public boolean holds(String modelId) {
        return models.holds(modelId);
    }

    /** The ids of the models loaded here, least recently used first. */
    public List<String> loadedModelIds() {
        return models.loadedModelIds();
    }

    /** The bytes of the weights loaded here. */
    public long modelBytes() {
        return models.loadedBytes();
    }

    /** The calls waiting for or running on this device. */
    public synchronized int calls() {
        return calls;
    }

    /** How long at least one call has run here, since the worker started. */
    public synchronized double busySeconds() {
        long now = calls > 0 ? System.nanoTime() - busySince : 0;
        return (busyNanos + now) / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /** The forward passes that made pictures here. */
    public long batches() {
        return batches.sum();
    }

    public long pictures() {
        return pictures.sum();
    }

    /** Counts a call that {@link DevicePool} has just placed here, before it runs. */
    synchronized void enter() {
        if (calls++ == 0) {
            busySince = System.nanoTime();
        }
    }

    synchronized void leave() {
        if (--calls == 0) {
            busyNanos += System.nanoTime() - busySince;
        }
    }

    /** Runs {@code work} on the model here, loading it first if needed; {@code pictureCount} 0: no picture made. */
    <T> T run(ModelSource source, int pictureCount, Function<ImageGenerator, T> work) {
        T result = models.use(source, work);
        if (pictureCount > 0) {
            batches.increment();
            pictures.add(pictureCount);
        }
        return result;
    }

    /** Stops serving the model here; false when it already had. */
    boolean refuse(String modelId) {
        return refusedModels.add(modelId);
    }

    @Override
    public void close() {
        models.close();
    }
}
