package io.pinxit.gateway.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The gateway's account and API key tables. */
@ApplicationScoped
public class AccountStore {

    private final AgroalDataSource dataSource;

    AccountStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * An account together with the key it authenticated with, and the rate of requests an administrator gave the
     * account (null: the gateway's default).
     */
    public record KeyOwner(Account account, ApiKey key, Integer requestsPerMinute) {
    }

    public void insert(Account account) {
        update("insert into gateway.account (id, name, role, created_at) values (?, ?, ?, ?)", statement -> {
            statement.setObject(1, account.id());
            statement.setString(2, account.name());
            statement.setString(3, account.role().name());
            statement.setTimestamp(4, Timestamp.from(account.createdAt()));
        });
    }

    public void insert(ApiKey key, String secretSha256) {
        update("insert into gateway.api_key (id, account_id, name, secret_sha256, scopes, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setObject(1, key.id());
            statement.setObject(2, key.accountId());
            statement.setString(3, key.name());
            statement.setString(4, secretSha256);
            statement.setArray(5, statement.getConnection().createArrayOf("text",
                    key.scopes().stream().map(Scope::value).sorted().toArray()));
            statement.setTimestamp(6, Timestamp.from(key.createdAt()));
            statement.setTimestamp(7, key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()));
        });
    }

    public Optional<Account> findAccountByName(String name) {
        String sql = "select id, name, role, created_at from gateway.account where name = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(account(row, "")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read account " + name, e);
        }
    }

    /** The owner of an active (not revoked) key with this secret hash. */
    public Optional<KeyOwner> findActiveKey(String secretSha256) {
        String sql = "select a.id as a_id, a.name as a_name, a.role as a_role, a.created_at as a_created_at, "
                + "a.requests_per_minute as a_requests_per_minute, k.* "
                + "from gateway.api_key k join gateway.account a on a.id = k.account_id "
                + "where k.secret_sha256 = ? and k.revoked_at is null";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, secretSha256);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new KeyOwner(account(row, "a_"), key(row),
                        row.getObject("a_requests_per_minute", Integer.class))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up an API key", e);
        }
    }

    /** Whether a key with this secret hash was ever issued, revoked or not. */
    public boolean isIssued(String secretSha256) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select 1 from gateway.api_key where secret_sha256 = ?")) {
            statement.setString(1, secretSha256);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up an API key", e);
        }
    }

    public List<ApiKey> keysOf(UUID accountId) {
        String sql = "select * from gateway.api_key where account_id = ? order by created_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, accountId);
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    keys.add(key(row));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the keys of account " + accountId, e);
        }
    }

    /** Revokes a key of the account; false when the account has no such active key. */
    public boolean revoke(UUID keyId, UUID accountId, Instant at) {
        String sql = "update gateway.api_key set revoked_at = ? where id = ? and account_id = ? and revoked_at is null";
        return update(sql, statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setObject(2, keyId);
            statement.setObject(3, accountId);
        }) == 1;
    }

    /** Gives the account its own limit of open jobs (null: the gateway's default); false if there is no such account. */
    /** Sets the account's own limits; a null one falls back to the gateway's default. */
    public boolean setLimits(UUID accountId, Integer openJobs, Integer requestsPerMinute) {
        return update("update gateway.account set open_jobs_limit = ?, requests_per_minute = ? where id = ?",
                statement -> {
                    statement.setObject(1, openJobs, Types.INTEGER);
                    statement.setObject(2, requestsPerMinute, Types.INTEGER);
                    statement.setObject(3, accountId);
                }) == 1;
    }

    private int update(String sql, StatementParameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new DuplicateAccountException(e);
            }
            throw new IllegalStateException("Could not write accounts or keys", e);
        }
    }

    private interface StatementParameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private static Account account(ResultSet row, String prefix) throws SQLException {
        return new Account(row.getObject(prefix + "id", UUID.class), row.getString(prefix + "name"),
                Role.valueOf(row.getString(prefix + "role")), row.getTimestamp(prefix + "created_at").toInstant());
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        Set<Scope> scopes = Arrays.stream((String[]) row.getArray("scopes").getArray())
                .map(value -> Scope.parse(value).orElseThrow(() -> new IllegalStateException("Unknown scope " + value)))
                .collect(Collectors.toSet());
        return new ApiKey(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
                row.getString("name"), scopes, row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
