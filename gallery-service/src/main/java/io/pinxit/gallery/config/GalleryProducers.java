package io.pinxit.gallery.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Wires the shared libraries into this service from its configuration. */
public class GalleryProducers {

    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(AgroalDataSource dataSource, ObjectMapper json) {
        return new ArtworkCatalog(dataSource, json);
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(StorageConfig config) {
        return new ObjectStore(new ObjectStoreSettings(config.endpoint(), config.accessKey(), config.secretKey(),
                config.bucket(), config.region()));
    }

    void closeObjectStore(@Disposes ObjectStore store) {
        store.close();
    }
}
