package io.pinxit.catalog;

import io.pinxit.contracts.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The style library ({@code catalog.style}): saved by the gateway, read by the gateway and by the style workers.
 * Statements join the caller's transaction when there is one.
 */
public final class StyleLibrary {

    private static final String COLUMNS = "s.id, s.name, s.attribution, s.source, s.licence, s.visibility, s.owner_id, "
            + "s.owner_name, s.created_at as style_created_at, " + Uploads.COLUMNS;
    private static final String FROM = " from catalog.style s join catalog.upload u on u.sha256 = s.upload_sha256";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public StyleLibrary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Saves a style whose picture is already recorded as an upload.
     *
     * @throws StyleNameTakenException when its owner has a style of that name, in any case
     */
    public SavedStyle save(SavedStyle style) {
        insert(style, "");
        return style;
    }

    /**
     * Saves a style unless one with its id is saved already, as every worker does with the styles Pinxit ships.
     *
     * @return whether this call saved it
     * @throws StyleNameTakenException when its owner has another style of that name
     */
    public boolean saveIfAbsent(SavedStyle style) {
        return insert(style, " on conflict (id) do nothing") == 1;
    }

    private int insert(SavedStyle style, String onConflict) {
        String sql = """
                insert into catalog.style (id, name, upload_sha256, attribution, source, licence, visibility, owner_id,
                    owner_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, style.id());
            statement.setString(2, style.name());
            statement.setString(3, style.image().sha256());
            statement.setString(4, style.credit().attribution());
            statement.setString(5, style.credit().source());
            statement.setString(6, style.credit().licence());
            statement.setString(7, style.visibility().name());
            statement.setObject(8, style.ownerId());
            statement.setString(9, style.ownerName());
            statement.setTimestamp(10, Timestamp.from(style.createdAt()));
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StyleNameTakenException(style.name(), e);
            }
            throw new CatalogException("Could not save style " + style.id(), e);
        }
    }

    public Optional<SavedStyle> find(UUID id) {
        String sql = "select " + COLUMNS + FROM + " where s.id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(style(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read style " + id, e);
        }
    }

    /**
     * Newest first, a page of the styles listed to a viewer: the public ones and the viewer's own, or every style when
     * {@code everyStyle} (an administrator). Style ids are time-ordered, so the last id seen is the whole cursor.
     */
    public List<SavedStyle> list(int limit, Optional<UUID> olderThan, Optional<UUID> viewer, boolean everyStyle) {
        List<Object> parameters = new ArrayList<>();
        var sql = new StringBuilder("select ").append(COLUMNS).append(FROM).append(" where true");
        if (!everyStyle) {
            sql.append(" and (s.visibility = 'PUBLIC'");
            viewer.ifPresent(id -> {
                sql.append(" or s.owner_id = ?");
                parameters.add(id);
            });
            sql.append(')');
        }
        olderThan.ifPresent(id -> {
            sql.append(" and s.id < ?");
            parameters.add(id);
        });
        sql.append(" order by s.id desc limit ?");
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            List<SavedStyle> styles = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    styles.add(style(rows));
                }
            }
            return styles;
        } catch (SQLException e) {
            throw new CatalogException("Could not list styles", e);
        }
    }

    private static SavedStyle style(ResultSet row) throws SQLException {
        var credit = new ProvenanceRecord.Credit(row.getString("source"), row.getString("licence"),
                row.getString("attribution"));
        return new SavedStyle(row.getObject("id", UUID.class), row.getString("name"), credit, Uploads.upload(row),
                Visibility.valueOf(row.getString("visibility")), row.getObject("owner_id", UUID.class),
                row.getString("owner_name"), row.getTimestamp("style_created_at").toInstant());
    }
}
