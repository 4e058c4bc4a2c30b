package io.pinxit.generation.devices;

import io.pinxit.inference.ImageGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The generators loaded on one device, within a memory budget: a model's size is the size of its weights, and when the
 * loaded ones exceed {@code maxBytes} the least recently used are unloaded, to be loaded again when next asked for. A
 * model in use when it is unloaded is closed once its last call ends.
 */
final class GeneratorCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GeneratorCache.class);

    private static final class Loaded {
        final ImageGenerator generator;
        final long bytes;
        int calls;
        boolean unloaded;

        Loaded(ImageGenerator generator, long bytes) {
            this.generator = generator;
            this.bytes = bytes;
        }
    }

    private final long maxBytes;
    private final Function<ModelSource, ImageGenerator> loading;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private long loadedBytes;

    /** {@code loading} loads a model onto this cache's device; it throws a ModelLoadException when it cannot. */
    GeneratorCache(long maxBytes, Function<ModelSource, ImageGenerator> loading) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The model cache needs a positive budget, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.loading = loading;
    }

    /** Runs {@code work} with the source's generator, loading it first if it is not loaded. */
    <T> T use(ModelSource source, Function<ImageGenerator, T> work) {
        Loaded entry = acquire(source);
        try {
            return work.apply(entry.generator);
        } finally {
            release(entry);
        }
    }

    synchronized boolean holds(String modelId) {
        return loaded.containsKey(modelId);
    }

    /** The ids of the loaded models, least recently used first. */
    synchronized List<String> loadedModelIds() {
        return new ArrayList<>(loaded.keySet());
    }

    synchronized long loadedBytes() {
        return loadedBytes;
    }

    @Override
    public synchronized void close() {
        for (Loaded entry : loaded.values()) {
            entry.generator.close();
        }
        loaded.clear();
        loadedBytes = 0;
    }

    private synchronized Loaded acquire(ModelSource source) {
        String id = source.modelId();
        Loaded entry = loaded.get(id);
        if (entry == null) {
            entry = new Loaded(loading.apply(source), source.bytes());
            loaded.put(id, entry);
            loadedBytes += entry.bytes;
            unloadLeastRecentlyUsedBeside(id);
        }
        entry.calls++;
        return entry;
    }

    private synchronized void release(Loaded entry) {
        entry.calls--;
        if (entry.unloaded && entry.calls == 0) {
            entry.generator.close();
        }
    }

    private void unloadLeastRecentlyUsedBeside(String keptId) {
        var oldestFirst = loaded.entrySet().iterator();
        while (loadedBytes > maxBytes && oldestFirst.hasNext()) {
            var next = oldestFirst.next();
            if (next.getKey().equals(keptId)) {
                continue;
            }
            Loaded entry = next.getValue();
            oldestFirst.remove();
            loadedBytes -= entry.bytes;
            entry.unloaded = true;
            if (entry.calls == 0) {
                entry.generator.close();
            }
            LOG.infof("Unloaded model %s (%d bytes) to stay within %d bytes", next.getKey(), entry.bytes, maxBytes);
        }
    }
}
