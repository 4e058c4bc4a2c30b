package io.pinxit.generation.service;

import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.registry.LocalModelCopies;
import io.pinxit.registry.ModelRegistry;
import io.pinxit.registry.RegisteredModel;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Serves models registered while this worker runs: it polls the registry, copies each new model's weights from the
 * bucket (hash-checked) into the model cache's folder and adds the model to {@link ServedGenerators}. Polling the
 * table is simpler than a notification topic and cannot miss a registration; a poll costs one small query. A model
 * that fails to load is reported once per weights hash and not retried.
 */
@ApplicationScoped
public class RegisteredModelsPickup {

    private static final Logger LOG = Logger.getLogger(RegisteredModelsPickup.class);

    private final ModelRegistry registry;
    private final LocalModelCopies copies;
    private final ServedGenerators generators;
    private final Map<String, String> refusedWeights = new ConcurrentHashMap<>();

    RegisteredModelsPickup(ModelRegistry registry, ServedGenerators generators, WorkerConfig worker) {
        this.registry = registry;
        this.copies = new LocalModelCopies(registry, worker.modelCache().directory());
        this.generators = generators;
    }

    @Scheduled(every = "${pinxit.worker.registry-poll-every:5s}", delayed = "0s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pickUp() {
        for (RegisteredModel model : registry.list()) {
            String sha256 = model.card().weightsSha256();
            if (generators.serves(model.id()) || sha256.equals(refusedWeights.get(model.id()))) {
                continue;
            }
            try {
                generators.add(model.card(), copies.catalogOf(model));
            } catch (RuntimeException e) {
                refusedWeights.put(model.id(), sha256);
                LOG.errorf(e, "Not serving registered model %s: %s", model.id(), e.getMessage());
            }
        }
    }
}
