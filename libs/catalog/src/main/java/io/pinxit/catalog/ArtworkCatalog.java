package io.pinxit.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The one way to write and read artworks and their provenance records. */
public class ArtworkCatalog {

    static final String COLUMNS = "a.id, a.job_id, a.item_index, a.kind, a.model_id, a.model_version, "
            + "a.image_key, a.image_sha256, a.stripped_sha256, a.media_type, a.width, a.height, a.byte_size, a.created_at, "
            + "a.author_id, a.author_name, a.title, a.description, a.licence, a.visibility, a.label, a.thumbnail_key, "
            + "a.thumbnail_width, a.thumbnail_height, a.moderation";

    /** How many sketch-near candidates the full vectors rank for each similar artwork returned. */
    private static final int SIMILAR_CANDIDATES_PER_RESULT = 8;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final ProvenanceLog log;

    public ArtworkCatalog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
        this.log = new ProvenanceLog(dataSource);
    }

    /** An artwork to record, with its provenance record and its picture's embedding. */
    public record NewRecord(Artwork artwork, ProvenanceRecord provenance, Embedding embedding) {
    }

    /**
     * Records an artwork, its provenance, its image embedding and the provenance log's entry for it in one
     * transaction. Recording the same job item again (a redelivered command) changes nothing and returns false.
     */
    public boolean record(Artwork artwork, ProvenanceRecord provenance, Embedding embedding) {
        return recordAll(List.of(new NewRecord(artwork, provenance, embedding))) == 1;
    }

    /**
     * Records several artworks as {@link #record} does each, all in one transaction (fewer round trips and commits);
     * returns how many were new.
     */
    public int recordAll(List<NewRecord> records) {
        String sql = """
                with inserted as (
                    insert into catalog.artwork (id, job_id, item_index, kind, model_id, model_version, image_key,
                        image_sha256, media_type, width, height, byte_size, created_at, author_id, author_name, title,
                        description, licence, visibility, stripped_sha256, label, thumbnail_key, thumbnail_width,
                        thumbnail_height, prompt, moderation)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict on constraint artwork_once_per_job_item do nothing
                    returning id, created_at)
                insert into catalog.provenance_record (artwork_id, record, created_at)
                select id, cast(? as jsonb), created_at from inserted
                """;
        UUID first = records.get(0).artwork().id();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int recorded = 0;
                for (NewRecord record : records) {
                    if (insert(connection, sql, record.artwork(), record.provenance())) {
                        insertLineage(connection, record.provenance());
                        insertEmbedding(connection, record.artwork().id(), record.embedding());
                        log.append(connection, record.artwork().id(), record.artwork().createdAt());
                        recorded++;
                    }
                }
                connection.commit();
                return recorded;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new CatalogException("Could not record artwork " + first + " of job "
                    + records.get(0).artwork().jobId() + (records.size() > 1 ? " and the others with it" : ""), e);
        }
    }

    private static void insertLineage(Connection connection, ProvenanceRecord provenance) throws SQLException {
        String sql = "insert into catalog.lineage_edge (parent_id, child_id, relation) values (?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ProvenanceRecord.Parent parent : provenance.parents()) {
                statement.setObject(1, parent.artworkId());
                statement.setObject(2, provenance.artworkId());
                statement.setString(3, parent.relation().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertEmbedding(Connection connection, UUID artworkId, Embedding embedding)
            throws SQLException {
        String sql = "insert into catalog.artwork_embedding (artwork_id, model_id, sketch, vector) values (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            statement.setString(2, embedding.modelId());
            statement.setLong(3, embedding.sketch());
            float[] vector = embedding.vector();
            Float[] boxed = new Float[vector.length];
            for (int index = 0; index < vector.length; index++) {
                boxed[index] = vector[index];
            }
            statement.setArray(4, connection.createArrayOf("real", boxed));
            statement.executeUpdate();
        }
    }

    /**
     * The artworks whose pictures look most like this one's, most alike first, among those the viewer may list:
     * candidates by sketch distance, ranked by the cosine of their full embeddings.
     */
    public List<Artwork> similar(UUID artworkId, int limit, Optional<UUID> viewer) {
        Optional<Embedding> target = embedding(artworkId);
        if (target.isEmpty()) {
            return List.of();
        }
        String sql = "select " + COLUMNS + ", e.model_id as embedding_model, e.vector from catalog.artwork_embedding e"
                + " join catalog.artwork a on a.id = e.artwork_id"
                + " where e.model_id = ? and e.artwork_id <> ? and a.moderation in " + Moderation.LISTED_SQL
                + " and (a.visibility = 'PUBLIC'" + (viewer.isPresent() ? " or a.author_id = ?)" : ")")
                + " order by bit_count((e.sketch # ?)::bit(64)), e.artwork_id limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            statement.setString(index++, target.get().modelId());
            statement.setObject(index++, artworkId);
            if (viewer.isPresent()) {
                statement.setObject(index++, viewer.get());
            }
            statement.setLong(index++, target.get().sketch());
            statement.setInt(index, limit * SIMILAR_CANDIDATES_PER_RESULT);
            Map<Artwork, Double> ranked = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ranked.put(artwork(rows), target.get().similarity(embedding(rows)));
                }
            }
            return ranked.entrySet().stream()
                    .sorted(Map.Entry.<Artwork, Double>comparingByValue().reversed())
                    .limit(limit).map(Map.Entry::getKey).toList();
        } catch (SQLException e) {
            throw new CatalogException("Could not find artworks like " + artworkId, e);
        }
    }

    private Optional<Embedding> embedding(UUID artworkId) {
        String sql = "select model_id as embedding_model, vector from catalog.artwork_embedding where artwork_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(embedding(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read the embedding of artwork " + artworkId, e);
        }
    }

    private static Embedding embedding(ResultSet row) throws SQLException {
        Float[] boxed = (Float[]) row.getArray("vector").getArray();
        float[] vector = new float[boxed.length];
        for (int index = 0; index < boxed.length; index++) {
            vector[index] = boxed[index];
        }
        return new Embedding(row.getString("embedding_model"), vector);
    }

    /** Ancestors and descendants, up to {@code maxDepth} generations away. */
    public Lineage lineage(UUID artworkId, int maxDepth) {
        return new Lineage(artworkId, edges(walk("child_id", "parent_id"), artworkId, maxDepth),
                edges(walk("parent_id", "child_id"), artworkId, maxDepth));
    }

    /**
     * The edges reached from an artwork by following {@code near} → {@code far} again and again: child → parent
     * for ancestors, parent → child for descendants.
     */
    private static String walk(String near, String far) {
        return """
                with recursive walk(parent_id, child_id, relation, depth) as (
                    select parent_id, child_id, relation, 1 from catalog.lineage_edge where %1$s = ?
                    union
                    select e.parent_id, e.child_id, e.relation, walk.depth + 1
                    from catalog.lineage_edge e join walk on e.%1$s = walk.%2$s where walk.depth < ?)
                select parent_id, child_id, relation, min(depth) as depth from walk
                group by parent_id, child_id, relation order by depth, %2$s""".formatted(near, far);
    }

    private List<Lineage.Edge> edges(String sql, UUID artworkId, int maxDepth) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            statement.setInt(2, maxDepth);
            List<Lineage.Edge> edges = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    edges.add(new Lineage.Edge(rows.getObject("parent_id", UUID.class),
                            rows.getObject("child_id", UUID.class), Relation.valueOf(rows.getString("relation")),
                            rows.getInt("depth")));
                }
            }
            return edges;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the lineage of artwork " + artworkId, e);
        }
    }

    public ProvenanceLog log() {
        return log;
    }

    private boolean insert(Connection connection, String sql, Artwork artwork, ProvenanceRecord provenance)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            StoredImage image = artwork.image();
            statement.setObject(1, artwork.id());
            statement.setObject(2, artwork.jobId());
            statement.setInt(3, artwork.index());
            statement.setString(4, artwork.kind().name());
            statement.setString(5, artwork.modelId());
            statement.setString(6, artwork.modelVersion());
            statement.setString(7, image.key());
            statement.setString(8, image.sha256());
            statement.setString(9, image.mediaType());
            statement.setInt(10, image.width());
            statement.setInt(11, image.height());
            statement.setLong(12, image.byteSize());
            statement.setTimestamp(13, Timestamp.from(artwork.createdAt()));
            Authorship authorship = artwork.authorship();
            statement.setObject(14, authorship.authorId());
            statement.setString(15, authorship.authorName());
            statement.setString(16, authorship.title());
            statement.setString(17, authorship.description());
            statement.setString(18, authorship.licence());
            statement.setString(19, authorship.visibility().name());
            statement.setString(20, image.strippedSha256());
            statement.setString(21, artwork.label());
            Thumbnail thumbnail = artwork.thumbnail();
            statement.setString(22, thumbnail == null ? null : thumbnail.key());
            statement.setObject(23, thumbnail == null ? null : thumbnail.width(), Types.INTEGER);
            statement.setObject(24, thumbnail == null ? null : thumbnail.height(), Types.INTEGER);
            statement.setObject(25, provenance.parameters().get(ProvenanceRecord.PROMPT), Types.VARCHAR);
            statement.setString(26, artwork.moderation().name());
            statement.setString(27, json.writeValueAsString(provenance));
            return statement.executeUpdate() == 1;
        }
    }

    /** The artworks of one job, in item order. */
    public List<UUID> artworkIdsOfJob(UUID jobId) {
        String sql = "select id from catalog.artwork where job_id = ? order by item_index";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, jobId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the artworks of job " + jobId, e);
        }
    }

    /**
     * Newest first, a page of the listed artworks (not hidden or deleted) that match {@code filter}: the public ones,
     * and every artwork of the viewer when there is one. Artwork ids are time-ordered, so the id of the last artwork
     * seen is the whole keyset cursor.
     */
    public List<Artwork> list(ArtworkFilter filter, int limit, Optional<UUID> olderThan, Optional<UUID> viewer) {
        var listing = new ArtworkListing(filter, olderThan, viewer);
        return artworks(listing.sql(COLUMNS), listing.parameters(limit), "Could not list artworks");
    }

    /**
     * The plan PostgreSQL runs for {@link #list} with these arguments, executed ({@code EXPLAIN ANALYZE, BUFFERS}):
     * how operators and the benchmark check that each filter is served by its index.
     */
    public String explainList(ArtworkFilter filter, int limit, Optional<UUID> olderThan, Optional<UUID> viewer) {
        var listing = new ArtworkListing(filter, olderThan, viewer);
        String sql = "explain (analyze, buffers) " + listing.sql(COLUMNS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            List<Object> parameters = listing.parameters(limit);
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            var plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new CatalogException("Could not explain the artwork listing", e);
        }
    }

    /** Every model that made an artwork, for a filter's choices. */
    public List<String> models() {
        return distinct("model_id");
    }

    /** Every licence an artwork was given, for a filter's choices. */
    public List<String> licences() {
        return distinct("licence");
    }

    /** The distinct values of an indexed column, one index probe each (a skip scan) rather than a full scan. */
    private List<String> distinct(String column) {
        String sql = """
                with recursive value(v) as (
                    (select %1$s from catalog.artwork order by %1$s limit 1)
                    union all
                    select (select %1$s from catalog.artwork where %1$s > value.v order by %1$s limit 1)
                    from value where value.v is not null)
                select v from value where v is not null""".formatted(column);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the distinct values of " + column, e);
        }
    }

    /** The artworks whose stored image, or that image without its manifest, has this SHA-256. */
    public List<Artwork> findByImageHash(String sha256) {
        String sql = "select " + COLUMNS + " from catalog.artwork a"
                + " where a.image_sha256 = ? or a.stripped_sha256 = ? order by a.id";
        return artworks(sql, List.of(sha256, sha256), "Could not look up images by hash");
    }

    private List<Artwork> artworks(String sql, List<Object> parameters, String failure) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            List<Artwork> artworks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    artworks.add(artwork(rows));
                }
            }
            return artworks;
        } catch (SQLException e) {
            throw new CatalogException(failure, e);
        }
    }

    /** An artwork's row alone, for what needs no provenance record read and parsed, such as serving its pictures. */
    public Optional<Artwork> findArtwork(UUID artworkId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select " + COLUMNS + " from catalog.artwork a where a.id = ?")) {
            statement.setObject(1, artworkId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(artwork(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read artwork " + artworkId, e);
        }
    }

    public Optional<CatalogEntry> find(UUID artworkId) {
        String sql = "select " + COLUMNS + ", p.record from catalog.artwork a"
                + " join catalog.provenance_record p on p.artwork_id = a.id where a.id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, artworkId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                var provenance = json.readValue(rows.getString("record"), ProvenanceRecord.class);
                return Optional.of(new CatalogEntry(artwork(rows), provenance));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new CatalogException("Could not read artwork " + artworkId, e);
        }
    }

    static Artwork artwork(ResultSet row) throws SQLException {
        var image = new StoredImage(row.getString("image_key"), row.getString("image_sha256"),
                row.getString("stripped_sha256"), row.getString("media_type"), row.getInt("width"), row.getInt("height"), row.getLong("byte_size"));
        var authorship = new Authorship(row.getObject("author_id", UUID.class), row.getString("author_name"),
                row.getString("title"), row.getString("description"), row.getString("licence"),
                Visibility.valueOf(row.getString("visibility")));
        String thumbnailKey = row.getString("thumbnail_key");
        var thumbnail = thumbnailKey == null ? null
                : new Thumbnail(thumbnailKey, row.getInt("thumbnail_width"), row.getInt("thumbnail_height"));
        return new Artwork(row.getObject("id", UUID.class), row.getObject("job_id", UUID.class),
                row.getInt("item_index"), ArtworkKind.valueOf(row.getString("kind")), row.getString("model_id"),
                row.getString("model_version"), row.getString("label"), image, thumbnail, authorship,
                row.getTimestamp("created_at").toInstant(), Moderation.valueOf(row.getString("moderation")));
    }
}
