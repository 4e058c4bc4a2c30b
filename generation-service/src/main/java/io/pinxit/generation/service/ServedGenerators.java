package io.pinxit.generation.service;

import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The generators this worker serves: every shipped model, loaded (and hash-checked) once at start-up. */
@Startup
@Singleton
public class ServedGenerators {

    private static final Logger LOG = Logger.getLogger(ServedGenerators.class);

    private final Map<String, ImageGenerator> byModelId;

    ServedGenerators() {
        var catalog = ModelCatalog.fromClasspath();
        var loader = new ModelLoader(catalog);
        byModelId = catalog.cards().stream()
                .filter(ModelCard::isGenerator)
                .map(loader::load)
                .collect(Collectors.toUnmodifiableMap(generator -> generator.card().id(), Function.identity()));
        LOG.infof("Serving models %s", byModelId.keySet());
    }

    public Optional<ImageGenerator> find(String modelId) {
        return Optional.ofNullable(byModelId.get(modelId));
    }

    public List<ModelCard> cards() {
        return byModelId.values().stream().map(ImageGenerator::card).toList();
    }

    @PreDestroy
    void close() {
        for (ImageGenerator generator : byModelId.values()) {
            generator.close();
        }
    }
}
