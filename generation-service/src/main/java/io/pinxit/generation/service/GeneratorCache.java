package io.pinxit.generation.service;

import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.LatentPoint;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Loaded generators within a memory budget: a model's size is the size of its weights, and when the loaded ones
 * exceed {@code maxBytes} the least recently used are unloaded, to be loaded again (hash-checked, through
 * {@link ModelLoader}) when next asked for. A model in use when it is unloaded is closed once its last call ends.
 */
final class GeneratorCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GeneratorCache.class);

    /** A model that can be loaded: its card, the catalog that holds its files, and the bytes of its weights. */
    record Source(ModelCard card, ModelCatalog catalog, long bytes) {

        static Source of(ModelCard card, ModelCatalog catalog) {
            return new Source(card, catalog, catalog.weightsSize(card));
        }
    }

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
    private final Map<String, Loaded> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private long loadedBytes;

    GeneratorCache(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The model cache needs a positive budget, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Runs {@code work} with the source's generator, loading it first if it is not loaded. */
    <T> T use(Source source, Function<ImageGenerator, T> work) {
        Loaded entry = acquire(source);
        try {
            return work.apply(entry.generator);
        } finally {
            release(entry);
        }
    }

    /**
     * A generator whose every call goes through this cache, so it stays usable however often it is unloaded; a VAE's
     * is a {@link LatentImageGenerator}, as the loaded model is.
     */
    ImageGenerator generatorOf(Source source) {
        return ModelCard.VAE_FAMILY.equals(source.card().family())
                ? new CachedLatentGenerator(source) : new CachedGenerator(source);
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

    private synchronized Loaded acquire(Source source) {
        String id = source.card().id();
        Loaded entry = loaded.get(id);
        if (entry == null) {
            entry = new Loaded(new ModelLoader(source.catalog()).load(source.card()), source.bytes());
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

    private class CachedGenerator implements ImageGenerator {

        final Source source;

        CachedGenerator(Source source) {
            this.source = source;
        }

        @Override
        public ModelCard card() {
            return source.card();
        }

        @Override
        public List<GeneratedImage> generate(long seed, int count) {
            return use(source, generator -> generator.generate(seed, count));
        }

        @Override
        public List<GeneratedImage> generate(long seed, int count, String label) {
            return use(source, generator -> generator.generate(seed, count, label));
        }

        @Override
        public List<GeneratedImage> generateFromPrompt(long seed, int count, String prompt) {
            return use(source, generator -> generator.generateFromPrompt(seed, count, prompt));
        }

        @Override
        public List<String> labels() {
            return source.card().labels();
        }

        /** The cache owns the loaded model; a caller closing its handle unloads nothing. */
        @Override
        public void close() {
        }
    }

    private final class CachedLatentGenerator extends CachedGenerator implements LatentImageGenerator {

        CachedLatentGenerator(Source source) {
            super(source);
        }

        @Override
        public List<LatentPoint> pointsOf(long seed, int count, String label) {
            return use(source, generator -> latent(generator).pointsOf(seed, count, label));
        }

        @Override
        public LatentPoint encode(BufferedImage picture, String label) {
            return use(source, generator -> latent(generator).encode(picture, label));
        }

        @Override
        public List<GeneratedImage> decode(List<LatentPoint> points) {
            return use(source, generator -> latent(generator).decode(points));
        }

        private static LatentImageGenerator latent(ImageGenerator generator) {
            return (LatentImageGenerator) generator;
        }
    }
}
