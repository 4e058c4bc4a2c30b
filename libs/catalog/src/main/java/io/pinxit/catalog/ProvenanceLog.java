package io.pinxit.catalog;

import io.pinxit.contracts.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hash chain over provenance records. Entry n commits to its record (the SHA-256 of the record's canonical
 * jsonb text) and to entry n-1, so editing, deleting or slipping in a record anywhere in history shows up as the
 * first entry whose hashes no longer hold.
 */
public class ProvenanceLog {

    static final String GENESIS = "0".repeat(64);
    /** Serialises appenders across every worker, so the chain never forks. */
    private static final long APPEND_LOCK = 0x70696E786974L;

    private final DataSource dataSource;

    public ProvenanceLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends the entry for an artwork's record, inside the caller's transaction that recorded it. */
    void append(Connection connection, UUID artworkId, Instant at) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        long seq = 1;
        String previous = GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "select seq, entry_hash from catalog.provenance_log order by seq desc limit 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                seq = row.getLong(1) + 1;
                previous = row.getString(2);
            }
        }
        String recordSha256;
        try (PreparedStatement record = connection.prepareStatement(
                "select record::text from catalog.provenance_record where artwork_id = ?")) {
            record.setObject(1, artworkId);
            try (ResultSet row = record.executeQuery()) {
                row.next();
                recordSha256 = Sha256.hex(row.getString(1));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into catalog.provenance_log "
                + "(seq, artwork_id, record_sha256, previous_hash, entry_hash, appended_at) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, artworkId);
            insert.setString(3, recordSha256);
            insert.setString(4, previous);
            insert.setString(5, entryHash(seq, artworkId, recordSha256, previous));
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Walks the whole chain, and every record, and says where history was first rewritten, if anywhere. */
    public LogVerification verify() {
        String sql = """
                select l.seq, l.artwork_id, l.record_sha256, l.previous_hash, l.entry_hash, p.record::text as record
                from catalog.provenance_log l left join catalog.provenance_record p on p.artwork_id = l.artwork_id
                order by l.seq""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long expectedSeq = 1;
            String previous = GENESIS;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long seq = row.getLong("seq");
                        UUID artworkId = row.getObject("artwork_id", UUID.class);
                        Optional<String> problem = problemOf(row, expectedSeq, previous);
                        if (problem.isPresent()) {
                            connection.rollback();
                            return LogVerification.broken(expectedSeq - 1, seq, artworkId, problem.get());
                        }
                        previous = row.getString("entry_hash");
                        expectedSeq = seq + 1;
                    }
                }
            }
            long unlogged = unloggedRecords(connection);
            connection.rollback();
            if (unlogged > 0) {
                return LogVerification.broken(expectedSeq - 1, expectedSeq, null,
                        unlogged + " provenance record(s) are missing from the log");
            }
            return LogVerification.intact(expectedSeq - 1, previous);
        } catch (SQLException e) {
            throw new CatalogException("Could not read the provenance log", e);
        }
    }

    private static Optional<String> problemOf(ResultSet row, long expectedSeq, String previous) throws SQLException {
        long seq = row.getLong("seq");
        UUID artworkId = row.getObject("artwork_id", UUID.class);
        String record = row.getString("record");
        String recordSha256 = row.getString("record_sha256");
        if (seq != expectedSeq) {
            return Optional.of("entries " + expectedSeq + " to " + (seq - 1) + " are missing");
        }
        if (!row.getString("previous_hash").equals(previous)) {
            return Optional.of("the entry does not follow the one before it");
        }
        if (record == null) {
            return Optional.of("the provenance record of artwork " + artworkId + " is gone");
        }
        if (!Sha256.hex(record).equals(recordSha256)) {
            return Optional.of("the provenance record of artwork " + artworkId + " was changed");
        }
        if (!entryHash(seq, artworkId, recordSha256, previous).equals(row.getString("entry_hash"))) {
            return Optional.of("the entry's own hash does not hold");
        }
        return Optional.empty();
    }

    private static long unloggedRecords(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from catalog.provenance_record p"
                + " where not exists (select 1 from catalog.provenance_log l where l.artwork_id = p.artwork_id)");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static String entryHash(long seq, UUID artworkId, String recordSha256, String previous) {
        return Sha256.hex(seq + "\n" + artworkId + "\n" + recordSha256 + "\n" + previous);
    }
}
