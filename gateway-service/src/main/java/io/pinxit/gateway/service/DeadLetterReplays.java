package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobState;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replays dead letters by issuing their job's command again, through the outbox, the way the lease reaper does: the
 * job, if it has not succeeded, goes back to QUEUED with one more attempt. A dead letter is replayed once; replaying
 * it again, or replaying one of a job that succeeded, issues nothing. Workers record each (job, item) once, so even a
 * job replayed from two dead letters makes its artworks once.
 */
@ApplicationScoped
public class DeadLetterReplays {

    /** What replaying a dead letter did. */
    public enum Outcome {
        /** The job's command was issued again. */
        REISSUED,
        /** The dead letter was replayed before; nothing was issued. */
        ALREADY_REPLAYED,
        /** The job succeeded meanwhile; nothing was issued. */
        JOB_SUCCEEDED,
        /** The job is running (its lease covers it); nothing was issued. */
        JOB_RUNNING,
        /** The job was cancelled; nothing was issued. */
        JOB_CANCELLED
    }

    public record Replay(DeadLetter deadLetter, UUID jobId, Outcome outcome) {
    }

    private final AgroalDataSource dataSource;
    private final JobStore jobs;
    private final CommandOutbox outbox;
    private final Clock clock;

    DeadLetterReplays(AgroalDataSource dataSource, JobStore jobs, CommandOutbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Replay replay(DeadLetter letter) {
        UUID jobId = letter.jobId();
        Job job = jobId == null ? null : jobs.find(jobId).orElse(null);
        if (job == null) {
            throw new ProblemException(Problem.of(GatewayProblems.DEAD_LETTER_NOT_REPLAYABLE,
                    "The dead letter at " + letter.topic() + "/" + letter.partition() + "/" + letter.offset()
                            + " names no job this gateway accepted (key: " + letter.key() + ")"));
        }
        Instant now = clock.instant();
        if (!recordReplay(letter, jobId, now)) {
            return new Replay(letter, jobId, Outcome.ALREADY_REPLAYED);
        }
        if (job.state() == JobState.SUCCEEDED) {
            return new Replay(letter, jobId, Outcome.JOB_SUCCEEDED);
        }
        if (job.state() == JobState.RUNNING) {
            return new Replay(letter, jobId, Outcome.JOB_RUNNING);
        }
        if (job.state() == JobState.CANCELLED) {
            return new Replay(letter, jobId, Outcome.JOB_CANCELLED);
        }
        jobs.reissue(jobId, now);
        outbox.add(jobId, now);
        return new Replay(letter, jobId, Outcome.REISSUED);
    }

    /** When each of {@code letters} was replayed, by "topic/partition/offset"; absent ones never were. */
    public Map<String, Instant> replayedAt(List<DeadLetter> letters) {
        String sql = "select topic, topic_partition, record_offset, replayed_at from gateway.dead_letter_replay "
                + "where topic = any(?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text",
                    letters.stream().map(DeadLetter::topic).distinct().toArray()));
            Map<String, Instant> replayed = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    replayed.put(address(rows.getString(1), rows.getInt(2), rows.getLong(3)),
                            rows.getTimestamp(4).toInstant());
                }
            }
            return replayed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read dead-letter replays", e);
        }
    }

    public static String address(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private boolean recordReplay(DeadLetter letter, UUID jobId, Instant now) {
        String sql = "insert into gateway.dead_letter_replay (topic, topic_partition, record_offset, job_id, "
                + "replayed_at) values (?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, letter.topic());
            statement.setInt(2, letter.partition());
            statement.setLong(3, letter.offset());
            statement.setObject(4, jobId);
            statement.setTimestamp(5, Timestamp.from(now));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the replay of " + letter.topic(), e);
        }
    }
}
