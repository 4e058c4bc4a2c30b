package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobState;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.telemetry.TraceParents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The gateway's transactional outbox: what workers must hear of a job and Kafka may not hold yet. Entries are added in
 * the transaction that accepts (or re-issues) a job and removed once Kafka acknowledged them, so a command is
 * published at least once, and workers, which record each (job, item) once, make repeats harmless. An entry stands for
 * the job as it is when relayed: the command of a queued job, the cancellation of a cancelled one, which replaces any
 * entry of the job still waiting (a job cancelled before its command left is never sent to a worker).
 * <p>
 * The outbox is also where a backlog waits, so that it can be served fairly: Kafka serves a topic in order, so with a
 * window ({@code pinxit.gateway.outbox.window}) at most that many commands wait in each topic, and the relay releases
 * the next ones round-robin between authors (see {@link #FAIR_RELEASE}).
 */
@ApplicationScoped
public class CommandOutbox {

    /**
     * An entry waiting in the outbox: its job as it is now, with the command (JSON) the job was accepted with, for the
     * topic of its kind and lane, and the trace of what queued it (a W3C traceparent, or null).
     */
    public record PendingCommand(long entry, UUID jobId, JobKind kind, JobLane lane, JobState state,
                                 Instant changedAt, String command, String traceParent) {

        /** Whether this entry tells the workers to cancel its job rather than run it. */
        public boolean cancels() {
            return state == JobState.CANCELLED;
        }
    }

    /**
     * The entries to relay under a window: every cancellation, and in each topic (kind and lane) as many commands as
     * the window has room for, taken round-robin between authors: each author's oldest waiting command first (its
     * turn), and among authors on the same turn, the one with the fewest jobs already in the topic or running. So a
     * new job of an account with nothing in flight goes before the next of another account's backlog.
     */
    static final String FAIR_RELEASE = """
            with waiting as (
                select kind, lane, count(*) as commands from gateway.job
                where state = 'QUEUED' and dispatched_at is not null group by kind, lane),
            in_flight as (
                select author_id, kind, lane, count(*) as jobs from gateway.job
                where state = 'RUNNING' or (state = 'QUEUED' and dispatched_at is not null)
                group by author_id, kind, lane),
            commands as (
                select o.id, j.kind, j.lane, coalesce(f.jobs, 0) as author_in_flight,
                    row_number() over (partition by j.kind, j.lane, j.author_id order by o.id) as turn
                from gateway.outbox o join gateway.job j on j.id = o.job_id
                left join in_flight f on f.author_id = j.author_id and f.kind = j.kind and f.lane = j.lane
                where j.state <> 'CANCELLED'),
            ranked as (
                select c.id, coalesce(w.commands, 0) as waiting,
                    row_number() over (partition by c.kind, c.lane order by c.turn, c.author_in_flight, c.id) as place
                from commands c left join waiting w on w.kind = c.kind and w.lane = c.lane)
            select o.id, 0 as place from gateway.outbox o join gateway.job j on j.id = o.job_id
            where j.state = 'CANCELLED'
            union all
            select id, place from ranked where place <= ? - waiting
            order by place, id limit ?""";
    private static final String IN_ORDER = "select id from gateway.outbox order by id limit ?";
    /** Relays take turns (one transaction at a time, across gateways), so that each sees the window as it is. */
    private static final long RELAY_LOCK = 0x70696e786974L;

    private final AgroalDataSource dataSource;
    private final Event<CommandQueued> queued;
    private final GatewayConfig config;

    CommandOutbox(AgroalDataSource dataSource, Event<CommandQueued> queued, GatewayConfig config) {
        this.dataSource = dataSource;
        this.queued = queued;
        this.config = config;
    }

    /**
     * Queues the command of a job, which waits in the outbox from now on; joins the caller's transaction, and wakes the
     * relay once it commits.
     */
    public void add(UUID jobId, Instant now) {
        String sql = "with waits as (update gateway.job set dispatched_at = null where id = ?) "
                + "insert into gateway.outbox (job_id, created_at, trace_parent) values (?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            statement.setObject(2, jobId);
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setString(4, TraceParents.current());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue the command of job " + jobId, e);
        }
        queued.fire(new CommandQueued(jobId));
    }

    /** Replaces the job's waiting entries by one that tells the workers it is cancelled; joins the caller's transaction. */
    public void cancel(UUID jobId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from gateway.outbox where job_id = ?")) {
            statement.setObject(1, jobId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not withdraw the command of job " + jobId, e);
        }
        add(jobId, now);
    }

    /**
     * Hands the waiting entries to relay now, at most {@code max}, to {@code publish}, and removes them once it
     * returns; when it throws, they stay for the next try. Without a window these are the oldest entries; with one,
     * those that {@link #FAIR_RELEASE} picks, in its order, which is the order they reach their topics.
     *
     * @return how many entries were relayed
     */
    public int relay(int max, Consumer<List<PendingCommand>> publish) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                takeTheRelaysTurn(connection);
                List<PendingCommand> pending = take(connection, chosen(connection, max));
                if (!pending.isEmpty()) {
                    publish.accept(pending);
                    remove(connection, pending);
                    markDispatched(connection, pending);
                }
                connection.commit();
                return pending.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not relay the outbox", e);
        }
    }

    private static void takeTheRelaysTurn(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            statement.setLong(1, RELAY_LOCK);
            statement.execute();
        }
    }

    private List<Long> chosen(Connection connection, int max) throws SQLException {
        OptionalInt window = config.outbox().window();
        try (PreparedStatement statement = connection.prepareStatement(window.isPresent() ? FAIR_RELEASE : IN_ORDER)) {
            if (window.isPresent()) {
                statement.setInt(1, window.getAsInt());
                statement.setInt(2, max);
            } else {
                statement.setInt(1, max);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Long> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(rows.getLong("id"));
                }
                return entries;
            }
        }
    }

    /**
     * The chosen entries with their jobs, in the order chosen, both locked: an entry whose job another transaction is
     * changing (a cancellation withdrawing it, an event) is skipped for this round, so that the relay, which marks its
     * jobs dispatched, never waits for such a transaction while it waits for the relay.
     */
    private static List<PendingCommand> take(Connection connection, List<Long> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        String sql = """
                select o.id, j.id as job_id, j.kind, j.lane, j.state, j.updated_at, j.command, o.trace_parent
                from gateway.outbox o join gateway.job j on j.id = o.job_id where o.id = any(?)
                order by array_position(?, o.id) for update of o, j skip locked""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            var ids = connection.createArrayOf("bigint", entries.toArray());
            statement.setArray(1, ids);
            statement.setArray(2, ids);
            try (ResultSet rows = statement.executeQuery()) {
                List<PendingCommand> pending = new ArrayList<>();
                while (rows.next()) {
                    pending.add(new PendingCommand(rows.getLong("id"), rows.getObject("job_id", UUID.class),
                            JobKind.valueOf(rows.getString("kind")), JobLane.valueOf(rows.getString("lane")),
                            JobState.valueOf(rows.getString("state")),
                            rows.getTimestamp("updated_at").toInstant(), rows.getString("command"),
                            rows.getString("trace_parent")));
                }
                return pending;
            }
        }
    }

    /** The relayed commands' jobs wait in their topics from now on, until a worker takes them. */
    private static void markDispatched(Connection connection, List<PendingCommand> relayed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update gateway.job set dispatched_at = now() where id = any(?) and state = 'QUEUED'")) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    relayed.stream().filter(command -> !command.cancels()).map(PendingCommand::jobId).toArray()));
            statement.executeUpdate();
        }
    }

    private static void remove(Connection connection, List<PendingCommand> relayed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from gateway.outbox where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint",
                    relayed.stream().map(PendingCommand::entry).toArray()));
            statement.executeUpdate();
        }
    }
}
