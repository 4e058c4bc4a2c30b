package io.pinxit.gallery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The gallery reads through a datasource of its own, a read replica where a cluster has one and the primary
 * otherwise; its sessions are read-only even on the primary, so a write sent that way fails here as on a replica.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class ReadsDatasourceTest {

    @Inject
    @DataSource("reads")
    AgroalDataSource reads;

    @Inject
    AgroalDataSource primary;

    @Test
    void readsSeeTheCatalogButCannotWriteIt() throws SQLException {
        try (Connection connection = reads.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("select count(*) from catalog.artwork").next()).isTrue();
            assertThatThrownBy(() -> statement.executeUpdate("delete from catalog.browser_session"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void thePrimaryTakesTheGallerysWrites() throws SQLException {
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("delete from catalog.browser_session where false")).isZero();
        }
    }
}
