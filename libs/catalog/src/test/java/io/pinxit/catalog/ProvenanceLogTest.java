package io.pinxit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.PostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database per test: each one rewrites history in its own way. */
class ProvenanceLogTest {

    @TempDir
    Path directory;

    private PostgresServer postgres;
    private PGSimpleDataSource dataSource;
    private ArtworkCatalog catalog;
    private final List<UUID> recorded = new ArrayList<>();

    @BeforeEach
    void recordFiveArtworks() {
        postgres = PostgresServer.start(directory, 0, false);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        Flyway.configure().dataSource(dataSource).schemas("catalog").locations("classpath:db/catalog")
                .table("catalog_schema_history").load().migrate();
        catalog = new ArtworkCatalog(dataSource, new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        UUID jobId = UUID.randomUUID();
        for (int index = 0; index < 5; index++) {
            recorded.add(record(jobId, index));
        }
    }

    @AfterEach
    void stop() {
        postgres.close();
    }

    @Test
    void honestHistoryHolds() {
        LogVerification verification = catalog.log().verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.intactEntries()).isEqualTo(5);
        assertThat(verification.headHash()).hasSize(64);
    }

    @Test
    void aRedeliveredRecordAddsNoEntry() {
        record(UUID.randomUUID(), 0);
        LogVerification verification = catalog.log().verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.intactEntries()).isEqualTo(6);
    }

    @Test
    void recordsCannotBeUpdatedOrDeletedThroughTheDatabase() {
        assertThatThrownBy(() -> sql("update catalog.provenance_record set record = '{}'::jsonb"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from catalog.provenance_log"))
                .hasMessageContaining("append-only");
    }

    @Test
    void aSilentlyEditedRecordBreaksTheChainAtItsEntry() throws SQLException {
        behindTheTriggersBack("update catalog.provenance_record set record = jsonb_set(record, '{parameters,seed}',"
                + " '7') where artwork_id = '" + recorded.get(2) + "'");

        LogVerification verification = catalog.log().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(3);
        assertThat(verification.intactEntries()).isEqualTo(2);
        assertThat(verification.artworkId()).isEqualTo(recorded.get(2));
        assertThat(verification.problem()).contains("was changed");
    }

    @Test
    void aDeletedEntryBreaksTheChain() throws SQLException {
        behindTheTriggersBack("delete from catalog.provenance_log where seq = 4");

        LogVerification verification = catalog.log().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(5);
        assertThat(verification.problem()).contains("missing");
    }

    @Test
    void aRewrittenEntryThatMatchesItsEditedRecordStillBreaksTheNextEntry() throws SQLException {
        behindTheTriggersBack("update catalog.provenance_log set entry_hash = repeat('a', 64) where seq = 2");

        LogVerification verification = catalog.log().verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(2);
    }

    private void behindTheTriggersBack(String edit) throws SQLException {
        sql("alter table catalog.provenance_record disable trigger user");
        sql("alter table catalog.provenance_log disable trigger user");
        sql(edit);
        sql("alter table catalog.provenance_record enable trigger user");
        sql("alter table catalog.provenance_log enable trigger user");
    }

    private void sql(String statement) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.createStatement().execute(statement);
        }
    }

    private UUID record(UUID jobId, int index) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        var authorship = new Authorship(UUID.randomUUID(), "ada", null, null, "CC0-1.0", Visibility.PUBLIC);
        var artwork = new Artwork(id, jobId, index, ArtworkKind.GENERATED, "emoji-dcgan", "1", null,
                new StoredImage("k" + id, "a".repeat(64), "b".repeat(64), "image/png", 32, 32, 10), null, authorship, at, Moderation.SHOWN);
        catalog.record(artwork, new ProvenanceRecord(id, jobId, index, authorship,
                new ProvenanceRecord.ModelUsed("emoji-dcgan", "1", "gan", "c".repeat(64)), Map.of("seed", 42), List.of(),
                "a".repeat(64), new ProvenanceRecord.Producer("test", "w", "cpu()", "none", null), List.of(), at, null), new Embedding("test-embedder", new float[] {1, 0}));
        return id;
    }
}
