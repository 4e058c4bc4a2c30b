package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries that a job's changes of state owe its webhook, or its author's default one (made by a trigger in the
 * transaction that changes the job). A sender claims due ones, a job's one at a time in the order of its changes; claiming schedules
 * the next attempt, so a sender that dies mid-call only delays one; several gateways never claim the same one (skip
 * locked).
 */
@ApplicationScoped
public class WebhookDeliveries {

    private final AgroalDataSource dataSource;
    private final JobStore jobs;

    WebhookDeliveries(AgroalDataSource dataSource, JobStore jobs) {
        this.dataSource = dataSource;
        this.jobs = jobs;
    }

    /**
     * One delivery to make: the job as it was when its state changed, and where to send it now (the webhook the job
     * named, else the account's default as it is now; absent once the account removed its webhook, and with it the
     * secret). {@code attempt} counts this one.
     */
    public record Due(UUID id, String eventType, int attempt, Instant createdAt, Optional<Receiver> receiver,
                      Job job) {
    }

    /** Where a delivery goes, and the account's secret that signs it. */
    public record Receiver(URI url, String secret) {
    }

    /** A delivery as the job's author sees it. */
    public record Attempts(UUID id, String eventType, String url, Instant createdAt, int attempts,
                           Instant nextAttemptAt, Instant deliveredAt, Instant givenUpAt, Integer lastStatus,
                           String lastError) {
    }

    /**
     * Claims up to {@code limit} due deliveries and schedules the next attempt of each, in case this one fails: after
     * {@code firstRetry}, twice as long after each further attempt, never more than {@code longestRetry}.
     */
    public List<Due> claim(int limit, Duration firstRetry, Duration longestRetry) {
        String sql = """
                with claimed as (
                    update gateway.webhook_delivery d set attempts = d.attempts + 1,
                        next_attempt_at = now() + make_interval(secs => least(? * power(2, d.attempts), ?))
                    where d.id in (select id from gateway.webhook_delivery p
                                   where delivered_at is null and given_up_at is null and next_attempt_at <= now()
                                     and not exists (select 1 from gateway.webhook_delivery e
                                                     where e.job_id = p.job_id and e.sequence < p.sequence
                                                       and e.delivered_at is null and e.given_up_at is null)
                                   order by next_attempt_at limit ? for update skip locked)
                    returning d.id, d.url, d.event_type, d.attempts, d.created_at, d.job, d.account_id)
                select c.id as delivery_id, c.event_type as delivery_event, c.attempts as delivery_attempts,
                       c.created_at as delivery_created_at, w.secret as receiver_secret,
                       case when w.secret is not null then coalesce(c.job #>> '{request,webhook}', w.url) end
                           as receiver_url, j.*
                from claimed c
                left join gateway.account_webhook w on w.account_id = c.account_id
                cross join lateral jsonb_populate_record(null::gateway.job, c.job) j""";
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, firstRetry.toMillis() / 1000.0);
            statement.setDouble(2, longestRetry.toMillis() / 1000.0);
            statement.setInt(3, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String url = row.getString("receiver_url");
                    Optional<Receiver> receiver = url == null ? Optional.empty()
                            : Optional.of(new Receiver(URI.create(url), row.getString("receiver_secret")));
                    due.add(new Due(row.getObject("delivery_id", UUID.class), row.getString("delivery_event"),
                            row.getInt("delivery_attempts"), row.getTimestamp("delivery_created_at").toInstant(),
                            receiver, jobs.job(row)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim webhook deliveries", e);
        }
        return due;
    }

    public void delivered(UUID id, int status) {
        update("update gateway.webhook_delivery set delivered_at = now(), last_status = ?, last_error = ? "
                + "where id = ?", id, status, null);
    }

    /** Records a failed attempt; the next one was scheduled when it was claimed. */
    public void failed(UUID id, Integer status, String error) {
        update("update gateway.webhook_delivery set last_status = ?, last_error = ? where id = ?", id, status, error);
    }

    public void givenUp(UUID id, Integer status, String error) {
        update("update gateway.webhook_delivery set given_up_at = now(), last_status = ?, last_error = ? "
                + "where id = ?", id, status, error);
    }

    /** The deliveries of one job, oldest first. */
    public List<Attempts> of(UUID jobId) {
        String sql = "select id, event_type, url, created_at, attempts, next_attempt_at, delivered_at, given_up_at, "
                + "last_status, last_error from gateway.webhook_delivery where job_id = ? order by sequence";
        List<Attempts> deliveries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    boolean pending = row.getTimestamp("delivered_at") == null
                            && row.getTimestamp("given_up_at") == null;
                    deliveries.add(new Attempts(row.getObject("id", UUID.class), row.getString("event_type"),
                            row.getString("url"), instant(row, "created_at"), row.getInt("attempts"),
                            pending ? instant(row, "next_attempt_at") : null, instant(row, "delivered_at"),
                            instant(row, "given_up_at"), (Integer) row.getObject("last_status"),
                            row.getString("last_error")));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the webhook deliveries of job " + jobId, e);
        }
    }

    /** Runs {@code sql}, whose parameters are the status, the error and the delivery's id. */
    private void update(String sql, UUID id, Integer status, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, status, Types.INTEGER);
            statement.setString(2, error);
            statement.setObject(3, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record webhook delivery " + id, e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
