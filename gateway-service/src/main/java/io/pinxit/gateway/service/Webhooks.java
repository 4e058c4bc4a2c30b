package io.pinxit.gateway.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook an account registers: its signing secret, which signs every delivery to the account's jobs, and maybe a
 * default URL that hears every change of state of the jobs that name no webhook of their own.
 */
@ApplicationScoped
public class Webhooks {

    private final AgroalDataSource dataSource;
    private final WebhookTargets targets;
    private final Clock clock;

    Webhooks(AgroalDataSource dataSource, GatewayConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.targets = new WebhookTargets(config.webhooks().allowPrivateTargets());
        this.clock = clock;
    }

    /** An account's webhook; {@code secret} is shown only when it is registered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(URI url, String secret, Instant createdAt) {
    }

    /**
     * Registers (or replaces) the account's webhook with a new secret, and a default URL if {@code url} is not null and
     * one the gateway may call.
     */
    public Webhook register(UUID accountId, String url) {
        URI target = url == null ? null : targets.check("url", url);
        Webhook webhook = new Webhook(target, WebhookSignature.newSecret(), clock.instant());
        String sql = "insert into gateway.account_webhook (account_id, url, secret, created_at) values (?, ?, ?, ?) "
                + "on conflict (account_id) do update set url = excluded.url, secret = excluded.secret, "
                + "created_at = excluded.created_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, accountId);
            statement.setString(2, target == null ? null : target.toString());
            statement.setString(3, webhook.secret());
            statement.setTimestamp(4, Timestamp.from(webhook.createdAt()));
            statement.executeUpdate();
            return webhook;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register a webhook", e);
        }
    }

    /** The account's webhook, without its secret. */
    public Webhook of(UUID accountId) {
        return find(accountId).orElseThrow(Webhooks::notFound);
    }

    /**
     * The webhook a job names, once the gateway may call it and the account has a secret to sign its deliveries
     * with; a 400 naming {@code webhook} if not.
     */
    public URI requireJobWebhook(UUID accountId, String url) {
        URI target = targets.check("webhook", url);
        if (find(accountId).isEmpty()) {
            throw ProblemException.invalidField("webhook", "needs your account's signing secret first: "
                    + "register a webhook with PUT /api/v1/accounts/me/webhook (its url is optional)");
        }
        return target;
    }

    private Optional<Webhook> find(UUID accountId) {
        String sql = "select url, created_at from gateway.account_webhook where account_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, accountId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String url = row.getString("url");
                return Optional.of(new Webhook(url == null ? null : URI.create(url), null,
                        row.getTimestamp("created_at").toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a webhook", e);
        }
    }

    /** Removes the account's webhook; deliveries not made yet are given up. */
    public void remove(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "delete from gateway.account_webhook where account_id = ?")) {
            statement.setObject(1, accountId);
            if (statement.executeUpdate() == 0) {
                throw notFound();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove a webhook", e);
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(GatewayProblems.WEBHOOK_NOT_FOUND,
                "You have no webhook; register one with PUT /api/v1/accounts/me/webhook"));
    }
}
