package io.pinxit.catalog;

import io.pinxit.contracts.UploadedImage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The uploads the gateway accepted ({@code catalog.upload}), one per distinct bytes as uploaded. Statements join the
 * caller's transaction when there is one, so an upload recorded for a job that is then refused is not recorded.
 */
public final class Uploads {

    static final String COLUMNS = "u.sha256, u.original_format, u.original_bytes, u.original_width, "
            + "u.original_height, u.orientation, u.image_key, u.image_sha256, u.width, u.height, u.created_at";

    private final DataSource dataSource;

    public Uploads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an upload, unless the same bytes were uploaded before; either way returns the upload as recorded. */
    public Upload record(Upload upload) {
        String sql = """
                insert into catalog.upload (sha256, original_format, original_bytes, original_width, original_height,
                    orientation, image_key, image_sha256, width, height, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (sha256) do nothing""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, upload.sha256());
            statement.setString(2, upload.format().name());
            statement.setLong(3, upload.byteSize());
            statement.setInt(4, upload.originalWidth());
            statement.setInt(5, upload.originalHeight());
            statement.setInt(6, upload.orientation());
            statement.setString(7, upload.image().imageKey());
            statement.setString(8, upload.image().imageSha256());
            statement.setInt(9, upload.image().width());
            statement.setInt(10, upload.image().height());
            statement.setTimestamp(11, Timestamp.from(upload.createdAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not record upload " + upload.sha256(), e);
        }
        return find(upload.sha256()).orElseThrow(() -> new CatalogException("Upload " + upload.sha256()
                + " vanished as it was recorded", null));
    }

    /** The upload of these bytes (the SHA-256 of the bytes as uploaded, lower-case hex). */
    public Optional<Upload> find(String sha256) {
        String sql = "select " + COLUMNS + " from catalog.upload u where u.sha256 = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sha256);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(upload(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not read upload " + sha256, e);
        }
    }

    static Upload upload(ResultSet row) throws SQLException {
        var image = new UploadedImage(row.getString("sha256"), row.getString("image_key"),
                row.getString("image_sha256"), row.getInt("width"), row.getInt("height"));
        return new Upload(image, Upload.ImageFormat.valueOf(row.getString("original_format")),
                row.getLong("original_bytes"), row.getInt("original_width"), row.getInt("original_height"),
                row.getInt("orientation"), row.getTimestamp("created_at").toInstant());
    }
}
