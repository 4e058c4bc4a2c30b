package io.pinxit.style.service;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.storage.ObjectStore;
import io.pinxit.style.config.StyleConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The few fast style networks this worker keeps loaded, read from the object store (hash-checked) when a job first
 * needs one; beyond {@code pinxit.style.loaded-networks} the least recently used is closed. Paintings take turns, so
 * that no network is closed while it paints; the style commands arrive one at a time anyway.
 */
@ApplicationScoped
public class LoadedFastStyles {

    private final ObjectStore store;
    private final Map<UUID, FastStyle> loaded;

    LoadedFastStyles(ObjectStore store, StyleConfig config) {
        this.store = store;
        int capacity = config.loadedNetworks();
        if (capacity < 1) {
            throw new IllegalArgumentException("pinxit.style.loaded-networks must be at least 1, not " + capacity);
        }
        this.loaded = new LinkedHashMap<>(capacity + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, FastStyle> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                eldest.getValue().close();
                return true;
            }
        };
    }

    /**
     * What {@code painting} makes with the network.
     *
     * @throws io.pinxit.storage.ObjectStoreException when the stored weights are not the ones recorded
     */
    synchronized BufferedImage paint(StyleNetwork network, Function<FastStyle, BufferedImage> painting) {
        FastStyle style = loaded.get(network.id());
        if (style == null) {
            style = FastStyle.read(store.readVerified(network.weightsKey(), network.weightsSha256()));
            loaded.put(network.id(), style);
        }
        return painting.apply(style);
    }

    @PreDestroy
    synchronized void close() {
        loaded.values().forEach(FastStyle::close);
        loaded.clear();
    }
}
