package io.pinxit.generation.service;

import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The generators this worker serves: every shipped model, each loaded (and hash-checked) once at start-up, and every
 * registered model it has picked up since. All of them are loaded on demand within the model cache's memory budget.
 */
@Startup
@Singleton
public class ServedGenerators {

    private static final Logger LOG = Logger.getLogger(ServedGenerators.class);

    private final Map<String, GeneratorCache.Source> sources = new ConcurrentHashMap<>();
    private final GeneratorCache cache;
    private final Event<ServedGeneratorsChanged> changes;

    ServedGenerators(WorkerConfig worker, Event<ServedGeneratorsChanged> changes) {
        this.cache = new GeneratorCache(worker.modelCache().maxBytes());
        this.changes = changes;
        var catalog = ModelCatalog.fromClasspath();
        for (ModelCard card : catalog.cards()) {
            if (card.isGenerator()) {
                var source = GeneratorCache.Source.of(card, catalog);
                cache.use(source, generator -> generator);
                sources.put(card.id(), source);
            }
        }
        LOG.infof("Serving models %s", sources.keySet());
    }

    public Optional<ImageGenerator> find(String modelId) {
        return Optional.ofNullable(sources.get(modelId)).map(cache::generatorOf);
    }

    public List<ModelCard> cards() {
        return new TreeMap<>(sources).values().stream().map(GeneratorCache.Source::card).toList();
    }

    public boolean serves(String modelId) {
        return sources.containsKey(modelId);
    }

    /**
     * Serves one more model, once it has loaded and given a picture of its card's size.
     *
     * @throws io.pinxit.inference.ModelLoadException when it does not load
     */
    public void add(ModelCard card, ModelCatalog catalog) {
        var source = GeneratorCache.Source.of(card, catalog);
        cache.use(source, generator -> generator);
        if (sources.putIfAbsent(card.id(), source) == null) {
            LOG.infof("Serving registered model %s %s (%s)", card.id(), card.version(), card.format());
            changes.fire(new ServedGeneratorsChanged(Set.copyOf(sources.keySet())));
        }
    }

    /** The ids of the models loaded now, least recently used first. */
    public List<String> loadedModelIds() {
        return cache.loadedModelIds();
    }

    @PreDestroy
    void close() {
        cache.close();
    }
}
