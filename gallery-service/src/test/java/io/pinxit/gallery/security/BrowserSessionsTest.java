package io.pinxit.gallery.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Sign-in sessions in the real catalog database: what they keep, what they reveal, and when they end. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class BrowserSessionsTest {

    @Inject
    BrowserSessions sessions;

    @Inject
    DataSource dataSource;

    @Test
    void aSessionIsFoundByItsIdAloneAndActsWithItsKey() {
        String key = newKey();
        BrowserSession opened = sessions.open(key);

        assertThat(sessions.find(opened.id())).hasValueSatisfying(found -> {
            assertThat(found.key()).isEqualTo(key);
            assertThat(found.formToken()).isEqualTo(opened.formToken()).isNotEqualTo(opened.id());
        });
        assertThat(sessions.open(key).id()).as("each sign-in its own session").isNotEqualTo(opened.id());
    }

    @Test
    void theDatabaseHoldsNeitherTheSessionsIdNorItsKey() throws SQLException {
        String key = newKey();
        BrowserSession session = sessions.open(key);

        byte[] row = rowOf(session);
        assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain(key).doesNotContain(session.id());
        assertThat(row).isNotEmpty();
    }

    @Test
    void anIdThatIsMalformedUnknownOrAlteredFindsNothing() {
        BrowserSession session = sessions.open(newKey());
        String altered = (session.id().charAt(0) == 'A' ? "B" : "A") + session.id().substring(1);

        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("short")).isEmpty();
        assertThat(sessions.find(session.id() + "=")).isEmpty();
        assertThat(sessions.find(SessionSecrets.newRandom())).isEmpty();
        assertThat(sessions.find(altered)).isEmpty();
    }

    @Test
    void aKeySealedForOneSessionCannotBeMovedToAnother() throws SQLException {
        BrowserSession mallory = sessions.open(newKey());
        BrowserSession alice = sessions.open(newKey());

        update("update catalog.browser_session set sealed_key = (select sealed_key from catalog.browser_session"
                + " where lookup_hash = ?) where lookup_hash = ?", SessionSecrets.lookupHash(alice.id()),
                SessionSecrets.lookupHash(mallory.id()));

        assertThat(sessions.find(mallory.id())).isEmpty();
        assertThat(sessions.find(alice.id())).isPresent();
    }

    @Test
    void aSessionEndsWhenIdleTooLongAtItsAbsoluteExpiryAndWhenClosed() throws SQLException {
        BrowserSession idle = sessions.open(newKey());
        BrowserSession old = sessions.open(newKey());
        BrowserSession closed = sessions.open(newKey());

        update("update catalog.browser_session set seen_at = now() - interval '61 minutes' where lookup_hash = ?",
                SessionSecrets.lookupHash(idle.id()));
        update("update catalog.browser_session set expires_at = now() - interval '1 second' where lookup_hash = ?",
                SessionSecrets.lookupHash(old.id()));
        sessions.close(closed);

        assertThat(sessions.find(idle.id())).isEmpty();
        assertThat(sessions.find(old.id())).isEmpty();
        assertThat(sessions.find(closed.id())).isEmpty();
    }

    @Test
    void beingSeenKeepsASessionAliveUpToItsAbsoluteExpiry() throws SQLException {
        BrowserSession session = sessions.open(newKey());
        update("update catalog.browser_session set seen_at = now() - interval '59 minutes' where lookup_hash = ?",
                SessionSecrets.lookupHash(session.id()));

        assertThat(sessions.find(session.id())).isPresent();
        assertThat(minutesSinceSeen(session)).as("seen again just now").isLessThan(1);
    }

    private double minutesSinceSeen(BrowserSession session) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select extract(epoch from now() - seen_at)"
                     + " / 60 from catalog.browser_session where lookup_hash = ?")) {
            statement.setBytes(1, SessionSecrets.lookupHash(session.id()));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getDouble(1);
            }
        }
    }

    private byte[] rowOf(BrowserSession session) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select lookup_hash || sealed_key from catalog.browser_session where lookup_hash = ?")) {
            statement.setBytes(1, SessionSecrets.lookupHash(session.id()));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private void update(String sql, byte[]... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setBytes(index + 1, parameters[index]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static String newKey() {
        return "pxk_" + SessionSecrets.newRandom();
    }
}
