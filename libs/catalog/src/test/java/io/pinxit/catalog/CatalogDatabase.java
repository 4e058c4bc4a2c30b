package io.pinxit.catalog;

import io.pinxit.infra.PostgresServer;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL of a test class's own, its files in {@code directory}, with the catalog schema migrated. */
record CatalogDatabase(PostgresServer server, PGSimpleDataSource dataSource) implements AutoCloseable {

    static CatalogDatabase start(Path directory) {
        PostgresServer server = PostgresServer.start(directory, 0, false);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        CatalogSchema.migrate(dataSource);
        return new CatalogDatabase(server, dataSource);
    }

    @Override
    public void close() {
        server.close();
    }
}
