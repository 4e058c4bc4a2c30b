package io.pinxit.gallery.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkReviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the shared libraries into this service from its configuration. */
public class GalleryProducers {

    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(AgroalDataSource dataSource, ObjectMapper json) {
        return new ArtworkCatalog(dataSource, json);
    }

    @Produces
    @ApplicationScoped
    ArtworkReviews reviews(AgroalDataSource dataSource) {
        return new ArtworkReviews(dataSource, Clock.systemUTC());
    }
}
