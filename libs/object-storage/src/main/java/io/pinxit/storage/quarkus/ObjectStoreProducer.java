package io.pinxit.storage.quarkus;

import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Gives every service that stores or reads pictures the same store, made from {@link ObjectStoreConfig}. */
public class ObjectStoreProducer {

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(ObjectStoreConfig config) {
        var store = new ObjectStore(new ObjectStoreSettings(config.endpoint(), config.accessKey(), config.secretKey(),
                config.bucket(), config.region()));
        store.ensureBucket();
        return store;
    }

    void close(@Disposes ObjectStore store) {
        store.close();
    }
}
