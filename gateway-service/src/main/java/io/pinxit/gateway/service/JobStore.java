package io.pinxit.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Reproduction;
import io.pinxit.contracts.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The gateway's job table. */
@ApplicationScoped
public class JobStore {

    private static final TypeReference<Map<String, Object>> REQUEST = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, state, author_id, request, artwork_ids, reproduction, failure, "
            + "progress, attempts, overdue_since, created_at, updated_at, lane";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    JobStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts a new job with the command that will run it; joins the caller's transaction. */
    public void insert(Job job, Object command, Optional<IdempotencyKey> idempotencyKey) {
        String sql = "insert into gateway.job (id, kind, state, author_id, request, idempotency_key, "
                + "request_fingerprint, created_at, updated_at, command, lane) "
                + "values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?)";
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
            statement.setString(10, json.writeValueAsString(command));
            statement.setString(11, job.lane().name());
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

    /**
     * A page of the jobs the filter lets through, newest first, each older than {@code olderThan} when given. Ids are
     * time-ordered, so one index on (author, id) serves every page.
     */
    public List<Job> list(JobFilter filter, int limit, Optional<UUID> olderThan) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter.authorId().ifPresent(author -> condition(conditions, values, "author_id = ?", author));
        if (!filter.states().isEmpty()) {
            conditions.add("state in (" + placeholders(filter.states().size()) + ")");
            filter.states().forEach(state -> values.add(state.name()));
        }
        if (!filter.kinds().isEmpty()) {
            conditions.add("kind in (" + placeholders(filter.kinds().size()) + ")");
            filter.kinds().forEach(kind -> values.add(kind.name()));
        }
        filter.model().ifPresent(model -> condition(conditions, values, "request ->> 'model' = ?", model));
        filter.from().ifPresent(from -> condition(conditions, values, "id >= ?", TimeOrderedIds.firstAt(from)));
        filter.until().ifPresent(until -> condition(conditions, values, "id < ?", TimeOrderedIds.firstAt(until)));
        olderThan.ifPresent(id -> condition(conditions, values, "id < ?", id));
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        String sql = "select " + COLUMNS + " from gateway.job" + where + " order by id desc limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.setInt(values.size() + 1, limit);
            List<Job> page = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    page.add(job(row));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list jobs", e);
        }
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
     * Applies a worker's event if it moves the job forward, and returns the job as it then is; an event that would
     * move it back (late or redelivered), or names a job this gateway never accepted, changes nothing. A RUNNING event
     * renews the job's lease by {@code lease} from now, and replaces the progress kept if it reports a later
     * iteration, or the same one with the preview that the kept report lacks (workers report a step, then its preview).
     */
    public Optional<Job> apply(JobEvent event, Duration lease) {
        String sql = """
                update gateway.job as j
                set state = e.state, artwork_ids = e.artwork_ids, reproduction = e.reproduction,
                    failure = e.failure,
                    progress = case when e.progress is null then j.progress
                        when j.state <> e.state or j.progress is null
                            or (e.progress ->> 'iteration')::bigint > (j.progress ->> 'iteration')::bigint
                            or ((e.progress ->> 'iteration')::bigint = (j.progress ->> 'iteration')::bigint
                                and e.progress ->> 'preview' is not null and j.progress ->> 'preview' is null)
                        then e.progress else j.progress end,
                    updated_at = case when j.state <> e.state or e.progress is not null then e.occurred_at
                        else j.updated_at end,
                    lease_expires_at = case when e.state = 'RUNNING' then now() + e.lease end
                from (select cast(? as text) as state, cast(? as uuid[]) as artwork_ids,
                        cast(? as jsonb) as reproduction, cast(? as jsonb) as failure, cast(? as jsonb) as progress,
                        cast(? as timestamptz) as occurred_at, make_interval(secs => ?) as lease) as e
                where j.id = ? and j.state in ('QUEUED', 'RUNNING')
                  and (array_position(array['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'], j.state)
                        < array_position(array['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'], e.state)
                    or (j.state = 'RUNNING' and e.state = 'RUNNING'))
                returning\s""" + prefixed("j", COLUMNS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, event.state().name());
            statement.setArray(2, connection.createArrayOf("uuid", event.artworkIds().toArray()));
            statement.setString(3, jsonOrNull(event.reproduction()));
            statement.setString(4, jsonOrNull(event.failure()));
            statement.setString(5, jsonOrNull(ReportedProgress.usable(event.progress()).orElse(null)));
            statement.setTimestamp(6, Timestamp.from(event.occurredAt()));
            statement.setDouble(7, lease.toMillis() / 1000.0);
            statement.setObject(8, event.jobId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not apply " + event.state() + " to job " + event.jobId(), e);
        }
    }

    /**
     * Cancels the job if it is queued or running, and returns it as it then is; empty if it had ended already. Joins
     * the caller's transaction.
     */
    public Optional<Job> cancel(UUID id, Instant now) {
        String sql = "update gateway.job set state = 'CANCELLED', lease_expires_at = null, updated_at = ? "
                + "where id = ? and state in ('QUEUED', 'RUNNING') returning " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not cancel job " + id, e);
        }
    }

    /**
     * Puts a job that has not succeeded, and was not cancelled, back in the queue with one more attempt, for its
     * command to be issued again; joins the caller's transaction.
     */
    public void reissue(UUID id, Instant now) {
        String sql = "update gateway.job set state = 'QUEUED', attempts = attempts + 1, failure = null, "
                + "lease_expires_at = null, updated_at = ? where id = ? and state not in ('SUCCEEDED', 'CANCELLED')";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-queue job " + id, e);
        }
    }

    /** The job that made an artwork. */
    public Optional<Job> findByArtwork(UUID artworkId) {
        return queryOne("select " + COLUMNS + " from gateway.job where artwork_ids @> array[?]::uuid[]", artworkId);
    }

    private static void condition(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
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

    private static String prefixed(String alias, String columns) {
        return Arrays.stream(columns.split(", ")).map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The job in the current row of a result that has the job table's columns. */
    Job job(ResultSet row) throws SQLException {
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
                    progress == null ? null : json.readValue(progress, JobProgress.class), row.getInt("attempts"),
                    instantOrNull(row.getTimestamp("overdue_since")), row.getTimestamp("created_at").toInstant(),
                    row.getTimestamp("updated_at").toInstant(), JobLane.valueOf(row.getString("lane")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Job row has unreadable JSON", e);
        }
    }
}
