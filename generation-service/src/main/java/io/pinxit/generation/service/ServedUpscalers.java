package io.pinxit.generation.service;

import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.upscale.ImageUpscaler;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** The upscalers this worker serves, by factor: every shipped one, loaded (and hash-checked) once at start-up. */
@Startup
@Singleton
public class ServedUpscalers {

    private static final Logger LOG = Logger.getLogger(ServedUpscalers.class);

    /** An upscaler with the card it was loaded from. */
    public record Served(ModelCard card, ImageUpscaler upscaler) {
    }

    private final Map<Integer, Served> byFactor;

    ServedUpscalers() {
        var catalog = ModelCatalog.fromClasspath();
        var loader = new ModelLoader(catalog);
        var loaded = new TreeMap<Integer, Served>();
        for (ModelCard card : catalog.cards()) {
            if (ModelCard.UPSCALER_FAMILY.equals(card.family())) {
                Served previous = loaded.put(card.scale(), new Served(card, loader.loadUpscaler(card)));
                if (previous != null) {
                    throw new IllegalStateException("Two shipped upscalers enlarge " + card.scale() + " times: "
                            + previous.card().id() + " and " + card.id());
                }
            }
        }
        byFactor = Map.copyOf(loaded);
        LOG.infof("Serving upscalers %s", loaded.values().stream().map(served -> served.card().id()).toList());
    }

    public Optional<Served> find(int factor) {
        return Optional.ofNullable(byFactor.get(factor));
    }

    @PreDestroy
    void close() {
        byFactor.values().forEach(served -> served.upscaler().close());
    }
}
