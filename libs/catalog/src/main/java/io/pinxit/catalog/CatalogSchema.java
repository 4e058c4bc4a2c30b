package io.pinxit.catalog;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the {@code catalog} schema with the same history ({@code catalog_schema_history}) the workers' and the
 * gallery's own Flyway keep, for a service whose Flyway owns another schema (the gateway, which records uploads and
 * the style library here). Several services migrating at once is safe: Flyway locks.
 */
public final class CatalogSchema {

    public static final String SCHEMA = "catalog";

    private CatalogSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(CatalogSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/catalog")
                .table("catalog_schema_history")
                .load()
                .migrate();
    }
}
