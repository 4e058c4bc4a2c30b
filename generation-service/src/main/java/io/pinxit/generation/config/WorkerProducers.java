package io.pinxit.generation.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.provenance.LocalCertificateAuthority;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;

/** Wires the shared libraries into this service from its configuration. */
public class WorkerProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    TimeOrderedIds ids(Clock clock) {
        return new TimeOrderedIds(clock);
    }

    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(AgroalDataSource dataSource, ObjectMapper json) {
        return new ArtworkCatalog(dataSource, json);
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(StorageConfig config) {
        var store = new ObjectStore(new ObjectStoreSettings(config.endpoint(), config.accessKey(), config.secretKey(),
                config.bucket(), config.region()));
        store.ensureBucket();
        return store;
    }

    @Produces
    @Singleton
    SigningCredentials signingCredentials(SigningConfig config) throws IOException {
        if (config.keyFile().isPresent() && config.chainFile().isPresent()) {
            return SigningCredentials.fromPem(config.keyFile().get(), config.chainFile().get());
        }
        return LocalCertificateAuthority.createOrLoad(config.localCaDirectory(), config.localOrganisation());
    }

    void closeObjectStore(@Disposes ObjectStore store) {
        store.close();
    }
}
