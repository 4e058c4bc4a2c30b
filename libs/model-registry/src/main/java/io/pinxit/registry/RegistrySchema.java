package io.pinxit.registry;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The {@code registry} schema, migrated by its own Flyway history ({@code registry_schema_history}) so that it lives
 * beside whatever schema a service's own Flyway owns. Several services migrating at once is safe: Flyway locks.
 */
public final class RegistrySchema {

    public static final String SCHEMA = "registry";

    private RegistrySchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(RegistrySchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/registry")
                .table("registry_schema_history")
                .load()
                .migrate();
    }
}
