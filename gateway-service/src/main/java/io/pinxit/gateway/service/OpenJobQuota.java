package io.pinxit.gateway.service;

import io.agroal.api.AgroalDataSource;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * How many jobs an account may have queued or running at once: its own limit, or the gateway's default. A submission
 * beyond it is refused with 429 and Retry-After, before anything is recorded, so that one account cannot fill the
 * queues for everyone.
 */
@ApplicationScoped
public class OpenJobQuota {

    private final AgroalDataSource dataSource;
    private final GatewayConfig config;

    OpenJobQuota(AgroalDataSource dataSource, GatewayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Refuses a new job of {@code author} when it has as many open jobs as it may. Called in the submission's
     * transaction, it locks the account's row until the commit, so that two submissions at once cannot both take
     * the last place.
     */
    void requireRoomFor(Author author) {
        String sql = "select a.open_jobs_limit, (select count(*) from gateway.job j where j.author_id = a.id "
                + "and j.state in ('QUEUED', 'RUNNING')) as open_jobs from gateway.account a where a.id = ? for update";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, author.id());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                int own = row.getInt("open_jobs_limit");
                int limit = row.wasNull() ? config.quotas().openJobs() : own;
                long open = row.getLong("open_jobs");
                if (open >= limit) {
                    throw new ProblemException(Problem.of(GatewayProblems.TOO_MANY_OPEN_JOBS,
                                    "The account has " + open + " jobs queued or running, and may have " + limit
                                            + " at once; submit again when some have ended, or cancel some"),
                            Map.of("Retry-After", String.valueOf(config.quotas().retryAfter().toSeconds())), null);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the open jobs of " + author.name(), e);
        }
    }
}
