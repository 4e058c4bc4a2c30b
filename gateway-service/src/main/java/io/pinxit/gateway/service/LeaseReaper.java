package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pinxit.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Finds running jobs whose worker stopped answering (no heartbeat for a lease) and issues their command again, up
 * to {@code pinxit.gateway.leases.max-attempts} issues, then fails them with the reason; marks queued jobs older than
 * the queue deadline as overdue. Safe on every gateway: each job is taken by one (row locks, skip locked).
 */
@ApplicationScoped
public class LeaseReaper {

    private static final Logger LOG = Logger.getLogger(LeaseReaper.class);
    static final String LEASE_EXPIRED = "urn:pinxit:problem:lease-expired";

    private final AgroalDataSource dataSource;
    private final JobStore jobs;
    private final JobUpdates updates;
    private final JobOutcomes outcomes;
    private final Event<CommandQueued> queued;
    private final GatewayConfig config;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();
    private volatile long lastReapNanos = System.nanoTime();

    LeaseReaper(AgroalDataSource dataSource, JobStore jobs, JobUpdates updates, JobOutcomes outcomes,
                Event<CommandQueued> queued, GatewayConfig config, Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.updates = updates;
        this.outcomes = outcomes;
        this.queued = queued;
        this.config = config;
        this.clock = clock;
        Gauge.builder("pinxit.jobs.overdue", overdue, AtomicLong::get)
                .description("Queued jobs that have waited longer than the queue deadline").register(metrics);
    }

    @Scheduled(every = "{pinxit.gateway.leases.reap-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reap() {
        try {
            long started = System.nanoTime();
            if (started - lastReapNanos > config.leases().reapEvery().multipliedBy(3).toNanos()) {
                renewRunningLeases();
            }
            List<UUID> changed = reapExpiredLeases(clock.instant());
            changed.forEach(id -> jobs.find(id).ifPresent(job -> {
                updates.publish(job);
                if (job.state().isTerminal()) {
                    outcomes.ended(job);
                }
            }));
            overdue.set(markOverdue());
            lastReapNanos = started;
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for lost leases: %s", e.getMessage());
        }
    }

    /**
     * After the reaper could not run for a while (the gateway's own database trouble, or a long pause), heartbeats
     * that workers sent meanwhile may still wait in Kafka: that time must not count against the workers, so every
     * running job gets a whole lease again.
     */
    void renewRunningLeases() {
        String sql = "update gateway.job set lease_expires_at = greatest(lease_expires_at, now() + "
                + "make_interval(secs => ?)) where state = 'RUNNING'";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, config.leases().duration().toMillis() / 1000.0);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew the leases of running jobs", e);
        }
    }

    /**
     * Re-queues (with a new outbox entry) or fails every job whose lease had expired at {@code asOf}; returns the jobs
     * changed. The time is the reaper's, not the database's: a statement that a frozen database runs late must not
     * count the freeze against the workers.
     */
    List<UUID> reapExpiredLeases(Instant asOf) {
        String sql = """
                with expired as (
                    select id, attempts from gateway.job
                    where state = 'RUNNING' and lease_expires_at < ?
                    for update skip locked),
                requeued as (
                    update gateway.job j set state = 'QUEUED', attempts = j.attempts + 1, lease_expires_at = null,
                        dispatched_at = null, updated_at = now()
                    from expired e where j.id = e.id and e.attempts < ? and j.command is not null
                    returning j.id),
                entries as (
                    insert into gateway.outbox (job_id, created_at) select id, now() from requeued),
                failed as (
                    update gateway.job j set state = 'FAILED', lease_expires_at = null, updated_at = now(),
                        failure = jsonb_build_object('type', ?, 'title', 'The job''s worker stopped answering',
                            'detail', 'No worker reported on the job for ' || ? || ' after it was issued '
                                || e.attempts || ' time(s)')
                    from expired e where j.id = e.id and (e.attempts >= ? or j.command is null)
                    returning j.id)
                select id, true as requeued from requeued union all select id, false from failed""";
        int maxAttempts = config.leases().maxAttempts();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(asOf));
            statement.setInt(2, maxAttempts);
            statement.setString(3, LEASE_EXPIRED);
            statement.setString(4, config.leases().duration().toString());
            statement.setInt(5, maxAttempts);
            List<UUID> changed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    boolean requeued = rows.getBoolean("requeued");
                    LOG.warnf("Job %s lost its lease: %s", id, requeued ? "issued again" : "failed");
                    if (requeued) {
                        queued.fire(new CommandQueued(id));
                    }
                    changed.add(id);
                }
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reap expired leases", e);
        }
    }

    /** Marks queued jobs older than the deadline; returns how many queued jobs are overdue. */
    long markOverdue() {
        String sql = """
                with marked as (
                    update gateway.job set overdue_since = now()
                    where state = 'QUEUED' and overdue_since is null and created_at < now() - make_interval(secs => ?)
                    returning id)
                select (select count(*) from gateway.job where state = 'QUEUED' and overdue_since is not null)
                    + (select count(*) from marked)""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, config.leases().queuedDeadline().toMillis() / 1000.0);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark overdue jobs", e);
        }
    }
}
