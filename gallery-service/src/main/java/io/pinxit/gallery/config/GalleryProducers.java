package io.pinxit.gallery.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkReviews;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the shared libraries into this service from its configuration. */
public class GalleryProducers {

    /** Everything the gallery shows is read from the {@code reads} datasource: a read replica where there is one. */
    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(@DataSource("reads") AgroalDataSource reads, ObjectMapper json) {
        return new ArtworkCatalog(reads, json);
    }

    /** Reports and decisions are written, and the queue read, on the primary. */

    @Produces
    @ApplicationScoped
    ArtworkReviews reviews(AgroalDataSource dataSource) {
        return new ArtworkReviews(dataSource, Clock.systemUTC());
    }
}
