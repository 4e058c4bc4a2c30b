package io.pinxit.gallery.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the shared libraries into this service from its configuration. */
public class GalleryProducers {

    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(AgroalDataSource dataSource, ObjectMapper json) {
        return new ArtworkCatalog(dataSource, json);
    }
}
