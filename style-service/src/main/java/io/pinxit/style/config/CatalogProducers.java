package io.pinxit.style.config;

import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.catalog.Uploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** The parts of the catalog the style worker reads and writes beside artworks: uploads, styles, style networks. */
public class CatalogProducers {

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
