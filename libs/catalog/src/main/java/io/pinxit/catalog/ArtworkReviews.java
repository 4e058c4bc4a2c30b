package io.pinxit.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The misuse guard's review queue: viewers report artworks, authors appeal the content policy's decision on theirs,
 * and a reviewer's decision sets the artwork's moderation, closes its open requests and is kept for good.
 */
public class ArtworkReviews {

    private final DataSource dataSource;
    private final Clock clock;

    public ArtworkReviews(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public enum RequestKind {
        REPORT,
        APPEAL
    }

    /** Someone's request that a reviewer look at an artwork, and why. */
    public record Request(UUID id, RequestKind kind, UUID requestedBy, String reason, Instant requestedAt) {
    }

    /** An artwork waiting for a reviewer, with its open requests, oldest first. */
    public record Waiting(Artwork artwork, List<Request> requests) {
    }

    /** A reviewer's decision on an artwork. */
    public record Decision(Moderation moderation, UUID reviewerId, String note, Instant decidedAt) {
    }

    /**
     * Asks for a review of an artwork. One person's open request of a kind stands for all they make until a reviewer
     * decides: asking again returns it, and adds nothing to the queue.
     */
    public Request request(UUID artworkId, RequestKind kind, UUID requestedBy, String reason) {
        String sql = """
                with existing as (
                    select id, reason, requested_at from catalog.review_request
                    where artwork_id = ? and kind = ? and requested_by = ? and resolved_at is null),
                inserted as (
                    insert into catalog.review_request (id, artwork_id, kind, requested_by, reason, requested_at)
                    select ?, ?, ?, ?, ?, ? where not exists (select 1 from existing)
                    returning id, reason, requested_at)
                select * from inserted union all select * from existing limit 1""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            statement.setString(2, kind.name());
            statement.setObject(3, requestedBy);
            statement.setObject(4, UUID.randomUUID());
            statement.setObject(5, artworkId);
            statement.setString(6, kind.name());
            statement.setObject(7, requestedBy);
            statement.setString(8, reason);
            statement.setTimestamp(9, Timestamp.from(now()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Request(row.getObject("id", UUID.class), kind, requestedBy, row.getString("reason"),
                        row.getTimestamp("requested_at").toInstant());
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not ask for a review of artwork " + artworkId, e);
        }
    }

    /** Up to {@code limit} artworks with open requests, the longest waiting first. */
    public List<Waiting> queue(int limit) {
        String sql = "with waiting as (select artwork_id, min(requested_at) as since from catalog.review_request"
                + " where resolved_at is null group by artwork_id order by since, artwork_id limit ?)"
                + " select " + ArtworkCatalog.COLUMNS + ", r.id as request_id, r.kind as request_kind, r.requested_by,"
                + " r.reason, r.requested_at from waiting w join catalog.artwork a on a.id = w.artwork_id"
                + " join catalog.review_request r on r.artwork_id = a.id and r.resolved_at is null"
                + " order by w.since, a.id, r.requested_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            Map<UUID, Artwork> artworks = new LinkedHashMap<>();
            Map<UUID, List<Request>> requests = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Artwork artwork = ArtworkCatalog.artwork(rows);
                    artworks.putIfAbsent(artwork.id(), artwork);
                    requests.computeIfAbsent(artwork.id(), id -> new ArrayList<>()).add(new Request(
                            rows.getObject("request_id", UUID.class), RequestKind.valueOf(rows.getString("request_kind")),
                            rows.getObject("requested_by", UUID.class), rows.getString("reason"),
                            rows.getTimestamp("requested_at").toInstant()));
                }
            }
            return artworks.values().stream()
                    .map(artwork -> new Waiting(artwork, List.copyOf(requests.get(artwork.id())))).toList();
        } catch (SQLException e) {
            throw new CatalogException("Could not read the review queue", e);
        }
    }

    /**
     * Records a reviewer's decision, sets the artwork's moderation to it and closes the artwork's open requests, in one
     * transaction; returns false, changing nothing, when there is no such artwork.
     */
    public boolean decide(UUID artworkId, Moderation moderation, UUID reviewerId, String note) {
        Instant now = now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean found = update(connection, "update catalog.artwork set moderation = ? where id = ?",
                        moderation.name(), artworkId) == 1;
                if (found) {
                    try (PreparedStatement insert = connection.prepareStatement("insert into"
                            + " catalog.moderation_decision (artwork_id, moderation, reviewer_id, note, decided_at)"
                            + " values (?, ?, ?, ?, ?)")) {
                        insert.setObject(1, artworkId);
                        insert.setString(2, moderation.name());
                        insert.setObject(3, reviewerId);
                        insert.setString(4, note);
                        insert.setTimestamp(5, Timestamp.from(now));
                        insert.executeUpdate();
                    }
                    update(connection, "update catalog.review_request set resolved_at = ?"
                            + " where artwork_id = ? and resolved_at is null", Timestamp.from(now), artworkId);
                }
                connection.commit();
                return found;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not record a review of artwork " + artworkId, e);
        }
    }

    private static int update(Connection connection, String sql, Object first, Object second) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            statement.setObject(2, second);
            return statement.executeUpdate();
        }
    }

    /** Every reviewer's decision on an artwork, oldest first. */
    public List<Decision> decisions(UUID artworkId) {
        String sql = "select moderation, reviewer_id, note, decided_at from catalog.moderation_decision"
                + " where artwork_id = ? order by seq";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            List<Decision> decisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.add(new Decision(Moderation.valueOf(rows.getString("moderation")),
                            rows.getObject("reviewer_id", UUID.class), rows.getString("note"),
                            rows.getTimestamp("decided_at").toInstant()));
                }
            }
            return decisions;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the reviews of artwork " + artworkId, e);
        }
    }

    /**
     * Another artwork, not deleted, whose picture has the same pixels (the same hash without its manifest), and so
     * shares its content-addressed thumbnail.
     */
    public Optional<UUID> liveTwin(Artwork artwork) {
        String sql = "select id from catalog.artwork where stripped_sha256 = ? and id <> ? and moderation <> 'DELETED'"
                + " limit 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, artwork.image().strippedSha256());
            statement.setObject(2, artwork.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not look for twins of artwork " + artwork.id(), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
