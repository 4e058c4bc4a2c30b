package io.pinxit.gallery.security;

import io.pinxit.catalog.CatalogException;
import io.pinxit.catalog.CatalogSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gallery's sign-in sessions, kept in PostgreSQL so that every gallery replica knows them and a sign-out ends a
 * session everywhere. The database's clock decides expiry, so replicas agree on it too.
 */
@ApplicationScoped
public class BrowserSessions {

    private static final String TABLE = CatalogSchema.SCHEMA + ".browser_session";

    private final DataSource dataSource;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;

    BrowserSessions(DataSource dataSource,
                    @ConfigProperty(name = "pinxit.gallery.sessions.idle-timeout") Duration idleTimeout,
                    @ConfigProperty(name = "pinxit.gallery.sessions.absolute-timeout") Duration absoluteTimeout) {
        this.dataSource = dataSource;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** How long a browser stays signed in at most, whatever it does. */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** Opens a session acting with {@code key} (checked by the caller); ended sessions are cleared away on the way. */
    public BrowserSession open(String key) {
        String id = SessionSecrets.newRandom();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement("delete from " + TABLE
                    + " where expires_at <= now() or seen_at <= now() - make_interval(secs => ?)")) {
                purge.setLong(1, idleTimeout.toSeconds());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                    + " (lookup_hash, sealed_key, expires_at) values (?, ?, now() + make_interval(secs => ?))")) {
                insert.setBytes(1, SessionSecrets.lookupHash(id));
                insert.setBytes(2, SessionSecrets.seal(id, key));
                insert.setLong(3, absoluteTimeout.toSeconds());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not open a session", e);
        }
        return new BrowserSession(id, key);
    }

    /**
     * The live session with this id; nothing for an unknown, ended or malformed id. Being seen keeps it from idling
     * out; the time it was last seen is written at most once a minute, so that browsing is not a write per page.
     */
    public Optional<BrowserSession> find(String id) {
        if (!SessionSecrets.looksLikeRandom(id)) {
            return Optional.empty();
        }
        String live = "select sealed_key, seen_at < now() - interval '1 minute' as stale from " + TABLE
                + " where lookup_hash = ? and expires_at > now() and seen_at > now() - make_interval(secs => ?)";
        byte[] lookupHash = SessionSecrets.lookupHash(id);
        try (Connection connection = dataSource.getConnection()) {
            byte[] sealed;
            try (PreparedStatement statement = connection.prepareStatement(live)) {
                statement.setBytes(1, lookupHash);
                statement.setLong(2, idleTimeout.toSeconds());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    sealed = row.getBytes("sealed_key");
                    if (row.getBoolean("stale")) {
                        seenNow(connection, lookupHash);
                    }
                }
            }
            return SessionSecrets.unseal(id, sealed).map(key -> new BrowserSession(id, key));
        } catch (SQLException e) {
            throw new CatalogException("Could not read a session", e);
        }
    }

    private static void seenNow(Connection connection, byte[] lookupHash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update " + TABLE
                + " set seen_at = now() where lookup_hash = ?")) {
            statement.setBytes(1, lookupHash);
            statement.executeUpdate();
        }
    }

    public void close(BrowserSession session) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from " + TABLE
                     + " where lookup_hash = ?")) {
            statement.setBytes(1, SessionSecrets.lookupHash(session.id()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not close a session", e);
        }
    }
}
