package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobState;
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
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The gateway's transactional outbox: what workers must hear of a job and Kafka may not hold yet. Entries are added in
 * the transaction that accepts (or re-issues) a job and removed once Kafka acknowledged them, so a command is
 * published at least once, and workers, which record each (job, item) once, make repeats harmless. An entry stands for
 * the job as it is when relayed: the command of a queued job, the cancellation of a cancelled one, which replaces any
 * entry of the job still waiting (a job cancelled before its command left is never sent to a worker).
 */
@ApplicationScoped
public class CommandOutbox {

    /**
     * An entry waiting in the outbox: its job as it is now, with the command (JSON) the job was accepted with, for the
     * topic of its kind and lane.
     */
    public record PendingCommand(long entry, UUID jobId, JobKind kind, JobLane lane, JobState state,
                                 Instant changedAt, String command) {

        /** Whether this entry tells the workers to cancel its job rather than run it. */
        public boolean cancels() {
            return state == JobState.CANCELLED;
        }
    }

    private final AgroalDataSource dataSource;
    private final Event<CommandQueued> queued;

    CommandOutbox(AgroalDataSource dataSource, Event<CommandQueued> queued) {
        this.dataSource = dataSource;
        this.queued = queued;
    }

    /** Queues the command of a job; joins the caller's transaction, and wakes the relay once it commits. */
    public void add(UUID jobId, Instant now) {
        String sql = "insert into gateway.outbox (job_id, created_at) values (?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            statement.setTimestamp(2, Timestamp.from(now));
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
     * Hands the oldest waiting commands, at most {@code max}, to {@code publish}, and removes them once it returns;
     * when it throws, they stay for the next try. Entries that another gateway is relaying are skipped, so relays on
     * several gateways share the work without publishing an entry twice.
     *
     * @return how many commands were relayed
     */
    public int relay(int max, Consumer<List<PendingCommand>> publish) {
        String take = """
                select o.id, j.id as job_id, j.kind, j.lane, j.state, j.updated_at, j.command from gateway.outbox o join gateway.job j on j.id = o.job_id
                order by o.id limit ? for update of o skip locked""";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<PendingCommand> pending = take(connection, take, max);
                if (!pending.isEmpty()) {
                    publish.accept(pending);
                    remove(connection, pending);
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

    private static List<PendingCommand> take(Connection connection, String sql, int max) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, max);
            try (ResultSet rows = statement.executeQuery()) {
                List<PendingCommand> pending = new ArrayList<>();
                while (rows.next()) {
                    pending.add(new PendingCommand(rows.getLong("id"), rows.getObject("job_id", UUID.class),
                            JobKind.valueOf(rows.getString("kind")), JobLane.valueOf(rows.getString("lane")),
                            JobState.valueOf(rows.getString("state")),
                            rows.getTimestamp("updated_at").toInstant(), rows.getString("command")));
                }
                return pending;
            }
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
