package io.pinxit.reliability;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads, from the gateway's job table and the catalog, what became of accepted jobs: their state, the reason of a
 * failure, how many times each was issued and how many artworks the catalog holds for it.
 */
final class Ledger {

    /** A job as the suite recorded it. */
    record Outcome(UUID id, String state, String failureType, int attempts, int listedArtworks, int recordedArtworks) {
    }

    private final FaultySuite suite;

    Ledger(FaultySuite suite) {
        this.suite = suite;
    }

    /** Waits until every job has ended, and returns how each did. */
    Map<UUID, Outcome> settle(List<AcceptedJob> jobs) {
        await().atMost(FaultySuite.PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> outcomes(jobs).values().stream()
                        .allMatch(outcome -> outcome.state().equals("SUCCEEDED") || outcome.state().equals("FAILED")));
        return outcomes(jobs);
    }

    /** Submits a one-picture job through the stream and returns how long after {@code faultEnded} it succeeded. */
    Duration recoveryAfter(Instant faultEnded, JobStream stream) {
        AcceptedJob probe = stream.submit(new JobStream.JobTemplate("GENERATION", "/api/v1/jobs/generations",
                "{\"model\":\"emoji-dcgan\",\"count\":1}", 1));
        await().atMost(FaultySuite.PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> outcomes(List.of(probe)).get(probe.id()).state().equals("SUCCEEDED"));
        return Duration.between(faultEnded, Instant.now());
    }

    ScenarioResult result(String scenario, List<AcceptedJob> jobs, int clientRetries, Duration recovery) {
        Map<UUID, Outcome> outcomes = settle(jobs);
        Map<String, Long> failed = new TreeMap<>();
        outcomes.values().stream().filter(outcome -> outcome.state().equals("FAILED"))
                .forEach(outcome -> failed.merge(outcome.failureType(), 1L, Long::sum));
        long succeeded = outcomes.values().stream().filter(outcome -> outcome.state().equals("SUCCEEDED")).count();
        long reissued = outcomes.values().stream().filter(outcome -> outcome.attempts() > 1).count();
        return new ScenarioResult(scenario, jobs.size(), (int) succeeded, failed, clientRetries, reissued, recovery);
    }

    Map<UUID, Outcome> outcomes(List<AcceptedJob> jobs) {
        String sql = """
                select j.id, j.state, j.failure ->> 'type' as failure_type, j.attempts,
                    cardinality(j.artwork_ids) as listed,
                    (select count(*) from catalog.artwork a where a.job_id = j.id) as recorded
                from gateway.job j where j.id = any(?)""";
        try (Connection connection = suite.database();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", jobs.stream().map(AcceptedJob::id).toArray()));
            Map<UUID, Outcome> outcomes = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    outcomes.put(id, new Outcome(id, rows.getString("state"), rows.getString("failure_type"),
                            rows.getInt("attempts"), rows.getInt("listed"), rows.getInt("recorded")));
                }
            }
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the jobs' outcomes", e);
        }
    }

    /** A number the whole database must agree on, such as a count of things that must not exist. */
    long count(String sql) throws SQLException {
        try (Connection connection = suite.database();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
