package io.pinxit.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The fast style networks of the style library ({@code catalog.style_network}); networks are never changed. */
public final class StyleNetworks {

    private static final String COLUMNS_FROM = """
            id, style_id, model_id, job_id, weights_key, weights_sha256, steps, batch_size, crop_size, seed, style_loss,
                content_loss, trained_by, created_at from catalog.style_network""";
    private static final String SELECT = "select " + COLUMNS_FROM;
    private static final String NEWEST = "select distinct on (style_id) " + COLUMNS_FROM
            + " where style_id = any(?) order by style_id, id desc";

    private final DataSource dataSource;

    public StyleNetworks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a network unless one with its id, or from its training job, is recorded already (a repeated job, or
     * several workers recording the same shipped network at once).
     *
     * @return whether this call recorded it
     */
    public boolean record(StyleNetwork network) {
        String sql = """
                insert into catalog.style_network (id, style_id, model_id, job_id, weights_key, weights_sha256, steps,
                    batch_size, crop_size, seed, style_loss, content_loss, trained_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            StyleNetwork.Training training = network.training();
            statement.setObject(1, network.id());
            statement.setObject(2, network.styleId());
            statement.setString(3, network.modelId());
            statement.setObject(4, network.jobId());
            statement.setString(5, network.weightsKey());
            statement.setString(6, network.weightsSha256());
            statement.setInt(7, training.steps());
            statement.setInt(8, training.batchSize());
            statement.setInt(9, training.cropSize());
            statement.setLong(10, training.seed());
            statement.setDouble(11, training.styleLoss());
            statement.setDouble(12, training.contentLoss());
            statement.setString(13, network.trainedBy());
            statement.setTimestamp(14, Timestamp.from(network.createdAt()));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new CatalogException("Could not record style network " + network.id(), e);
        }
    }

    public Optional<StyleNetwork> find(UUID id) {
        return one(SELECT + " where id = ?", id);
    }

    /** The network a training job made, if it has finished. */
    public Optional<StyleNetwork> ofJob(UUID jobId) {
        return one(SELECT + " where job_id = ?", jobId);
    }

    /** The style's newest network, which new style transfers with it use. */
    public Optional<StyleNetwork> newestOf(UUID styleId) {
        return Optional.ofNullable(newestOf(List.of(styleId)).get(styleId));
    }

    /** The newest network of each of these styles that has one, in one query (a page of the library lists many). */
    public Map<UUID, StyleNetwork> newestOf(Collection<UUID> styleIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(NEWEST)) {
            statement.setArray(1, connection.createArrayOf("uuid", styleIds.toArray()));
            Map<UUID, StyleNetwork> newest = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StyleNetwork network = network(rows);
                    newest.put(network.styleId(), network);
                }
            }
            return newest;
        } catch (SQLException e) {
            throw new CatalogException("Could not read style networks", e);
        }
    }

    private Optional<StyleNetwork> one(String sql, UUID parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(network(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read style networks", e);
        }
    }

    private static StyleNetwork network(ResultSet row) throws SQLException {
        var training = new StyleNetwork.Training(row.getInt("steps"), row.getInt("batch_size"), row.getInt("crop_size"),
                row.getLong("seed"), row.getDouble("style_loss"), row.getDouble("content_loss"));
        return new StyleNetwork(row.getObject("id", UUID.class), row.getObject("style_id", UUID.class),
                row.getString("model_id"), row.getObject("job_id", UUID.class), row.getString("weights_key"),
                row.getString("weights_sha256"), training, row.getString("trained_by"),
                row.getTimestamp("created_at").toInstant());
    }
}
