package io.pinxit.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The catalog as the workers write it, on the primary, for tests that record the artworks the gallery shows: the
 * gallery's own catalog reads through read-only sessions.
 */
@Singleton
@Typed(WorkersCatalog.class)
public class WorkersCatalog extends ArtworkCatalog {

    WorkersCatalog(AgroalDataSource primary, ObjectMapper json) {
        super(primary, json);
    }
}
