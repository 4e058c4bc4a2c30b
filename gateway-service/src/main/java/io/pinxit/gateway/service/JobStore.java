package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Reproduction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The gateway's job table. */
@ApplicationScoped
public class JobStore {

    private static final TypeReference<Map<String, Object>> REQUEST = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, state, author_id, request, artwork_ids, reproduction, failure, "
            + "progress, created_at, updated_at";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    JobStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts a new job; joins the caller's transaction. */
    public void insert(Job job, Optional<IdempotencyKey> idempotencyKey) {
        String sql = "insert into gateway.job (id, kind, state, author_id, request, idempotency_key, "
                + "request_fingerprint, created_at, updated_at) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, job.id());
            statement.setString(2, job.kind().name());
            statement.setString(3, job.state().name());
            statement.setObject(4, job.authorId());
            statement.setString(5, json.writeValueAsString(job.request()));
            statement.setString(6, idempotencyKey.map(IdempotencyKey::value).orElse(null));
            statement.setString(7, idempotencyKey.map(IdempotencyKey::requestFingerprint).orElse(null));
            statement.setTimestamp(8, Timestamp.from(job.createdAt()));
            statement.setTimestamp(9, Timestamp.from(job.updatedAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new DuplicateIdempotencyKeyException(e);
            }
            throw new IllegalStateException("Could not insert job " + job.id(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request of job " + job.id(), e);
        }
    }

    public Optional<Job> find(UUID id) {
        return queryOne("select " + COLUMNS + " from gateway.job where id = ?", id);
    }

    /** The job first submitted with this key, and the fingerprint of the request it was submitted with. */
    public Optional<Map.Entry<Job, String>> findByIdempotencyKey(String key) {
        String sql = "select " + COLUMNS + ", request_fingerprint from gateway.job where idempotency_key = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(Map.entry(job(row), row.getString("request_fingerprint")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up idempotency key", e);
        }
    }

    /**
     * Applies a worker's event if it moves the job forward, and returns the job as it then is; an event that
     * would move it back (late or redelivered) changes nothing. A RUNNING job moves forward too when its progress
     * does: a later iteration replaces the progress kept, an earlier or repeated one is ignored. The upsert waits for a
     * submission that is still committing the same job, so an event that overtakes its own job's insert is not lost.
     */
    public Optional<Job> apply(JobEvent event) {
        String sql = """
                insert into gateway.job as j (id, kind, state, request, artwork_ids, reproduction, failure, progress,
                    created_at, updated_at)
                values (?, ?, ?, '{}'::jsonb, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?)
                on conflict (id) do update
                    set state = excluded.state, artwork_ids = excluded.artwork_ids,
                        reproduction = excluded.reproduction, failure = excluded.failure,
                        progress = coalesce(excluded.progress, j.progress), updated_at = excluded.updated_at
                    where j.state in ('QUEUED', 'RUNNING')
                      and (array_position(array['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'], j.state)
                            < array_position(array['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'], excluded.state)
                        or (j.state = 'RUNNING' and excluded.state = 'RUNNING' and excluded.progress is not null
                            and (j.progress is null or (excluded.progress ->> 'iteration')::bigint
                                > (j.progress ->> 'iteration')::bigint)))
                returning\s""" + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, event.jobId());
            statement.setString(2, event.kind().name());
            statement.setString(3, event.state().name());
            statement.setArray(4, connection.createArrayOf("uuid", event.artworkIds().toArray()));
            statement.setString(5, jsonOrNull(event.reproduction()));
            statement.setString(6, jsonOrNull(event.failure()));
            statement.setString(7, jsonOrNull(ReportedProgress.usable(event.progress()).orElse(null)));
            statement.setTimestamp(8, Timestamp.from(event.occurredAt()));
            statement.setTimestamp(9, Timestamp.from(event.occurredAt()));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not apply " + event.state() + " to job " + event.jobId(), e);
        }
    }

    /** The job that made an artwork. */
    public Optional<Job> findByArtwork(UUID artworkId) {
        return queryOne("select " + COLUMNS + " from gateway.job where artwork_ids @> array[?]::uuid[]", artworkId);
    }

    private String jsonOrNull(Object value) throws JsonProcessingException {
        return value == null ? null : json.writeValueAsString(value);
    }

    private Optional<Job> queryOne(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read job " + id, e);
        }
    }

    private Job job(ResultSet row) throws SQLException {
        try {
            Array artworks = row.getArray("artwork_ids");
            String reproduction = row.getString("reproduction");
            String failure = row.getString("failure");
            String progress = row.getString("progress");
            return new Job(row.getObject("id", UUID.class), JobKind.valueOf(row.getString("kind")),
                    JobState.valueOf(row.getString("state")), row.getObject("author_id", UUID.class),
                    json.readValue(row.getString("request"), REQUEST),
                    Arrays.asList((UUID[]) artworks.getArray()),
                    reproduction == null ? null : json.readValue(reproduction, Reproduction.class),
                    failure == null ? null : json.readValue(failure, JobFailure.class),
                    progress == null ? null : json.readValue(progress, JobProgress.class),
                    row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Job row has unreadable JSON", e);
        }
    }
}
