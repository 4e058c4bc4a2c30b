package io.pinxit.generation.service;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.generation.devices.DeviceMetrics;
import io.pinxit.generation.devices.DevicePool;
import io.pinxit.generation.devices.ModelSource;
import io.pinxit.generation.devices.ServingDevice;
import io.pinxit.inference.ComputeDevices;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoadException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The generators this worker serves: every shipped model, loaded (and hash-checked) at start-up on each device of the
 * worker, and every registered model it has picked up since. Models are loaded on demand within each device's model
 * budget; a model that no device can load any more is still counted here, so readiness can say so.
 */
@Startup
@Singleton
public class ServedGenerators {

    private static final Logger LOG = Logger.getLogger(ServedGenerators.class);

    private final Map<String, ModelSource> sources = new ConcurrentHashMap<>();
    private final DevicePool devices;
    private final Event<ServedGeneratorsChanged> changes;

    ServedGenerators(WorkerConfig worker, Event<ServedGeneratorsChanged> changes, MeterRegistry metrics) {
        this.devices = DevicePool.of(devicesNamedBy(worker.devices()), worker.modelCache().maxBytes());
        DeviceMetrics.register(devices, metrics);
        this.changes = changes;
        var catalog = ModelCatalog.fromClasspath();
        for (ModelCard card : catalog.cards()) {
            if (card.isGenerator()) {
                var source = ModelSource.of(card, catalog);
                devices.load(source);
                sources.put(card.id(), source);
            }
        }
        LOG.infof("Serving models %s", new TreeMap<>(sources).keySet());
    }

    private static List<Device> devicesNamedBy(String setting) {
        List<Device> named = ComputeDevices.discover(setting);
        if (ComputeDevices.AUTO.equalsIgnoreCase(setting.strip()) && named.equals(List.of(Device.cpu()))) {
            LOG.info("No GPU found: models run on the CPU");
        } else {
            LOG.infof("Models run on %s", named);
        }
        return named;
    }

    public Optional<ImageGenerator> find(String modelId) {
        return Optional.ofNullable(sources.get(modelId)).map(devices::generatorOf);
    }

    /** The models this worker announces: those that a device of it can still load. */
    public List<ModelCard> cards() {
        return new TreeMap<>(sources).values().stream()
                .filter(source -> devices.serves(source.modelId()))
                .map(ModelSource::card)
                .toList();
    }

    public boolean serves(String modelId) {
        return sources.containsKey(modelId) && devices.serves(modelId);
    }

    /** The models this worker was given to serve that no device of it can load. */
    public Set<String> unservable() {
        return sources.keySet().stream()
                .filter(id -> !devices.serves(id))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Serves one more model, once it has loaded, and given a picture of its card's size, on at least one device.
     *
     * @throws ModelLoadException when it loads on none
     */
    public void add(ModelCard card, ModelCatalog catalog) {
        var source = ModelSource.of(card, catalog);
        if (!devices.load(source)) {
            throw new ModelLoadException("Model '%s' %s loads on no device of this worker (see the log)"
                    .formatted(card.id(), card.version()));
        }
        if (sources.putIfAbsent(card.id(), source) == null) {
            LOG.infof("Serving registered model %s %s (%s)", card.id(), card.version(), card.format());
            changes.fire(new ServedGeneratorsChanged(Set.copyOf(sources.keySet())));
        }
    }

    public List<ServingDevice> devices() {
        return devices.devices();
    }

    @PreDestroy
    void close() {
        devices.close();
    }
}
