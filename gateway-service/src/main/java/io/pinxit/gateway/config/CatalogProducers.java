package io.pinxit.gateway.config;

import io.pinxit.catalog.CatalogSchema;
import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.catalog.Uploads;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The parts of the catalog the gateway uses: uploads and the style library, which it writes, and the fast style
 * networks the style workers learn the library's styles into, which it reads. The gateway's own Flyway owns the
 * {@code gateway} schema, so the catalog schema is migrated here, at start, beside it.
 */
public class CatalogProducers {

    void migrateCatalog(@Observes StartupEvent start, DataSource dataSource) {
        CatalogSchema.migrate(dataSource);
    }

    @Produces
    @ApplicationScoped
    Uploads uploads(DataSource dataSource) {
        return new Uploads(dataSource);
    }

    @Produces
    @ApplicationScoped
    StyleLibrary styleLibrary(DataSource dataSource) {
        return new StyleLibrary(dataSource);
    }

    @Produces
    @ApplicationScoped
    StyleNetworks styleNetworks(DataSource dataSource) {
        return new StyleNetworks(dataSource);
    }
}
