package io.pinxit.registry.quarkus;

import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.registry.ModelRegistry;
import io.pinxit.registry.RegistrySchema;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import io.pinxit.storage.quarkus.ObjectStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Gives a service the model registry: its schema migrated, its bucket made, and the shipped models' ids reserved.
 * The models bucket gets its own store, so it is no CDI bean and cannot be mistaken for the service's pictures.
 */
public class ModelRegistryProducer {

    @Produces
    @ApplicationScoped
    ModelRegistry modelRegistry(DataSource dataSource, ObjectStoreConfig storage, ModelRegistryConfig config,
                                Clock clock) {
        RegistrySchema.migrate(dataSource);
        var bucket = new ObjectStore(new ObjectStoreSettings(storage.endpoint(), storage.accessKey(),
                storage.secretKey(), config.bucket(), storage.region()));
        bucket.ensureBucket();
        var shippedIds = ModelCatalog.fromClasspath().cards().stream().map(ModelCard::id).toList();
        return new ModelRegistry(dataSource, bucket, shippedIds, clock, config.scratchDirectory());
    }

    void close(@Disposes ModelRegistry registry) {
        registry.close();
    }
}
