package io.pinxit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Moderation;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.contracts.Visibility;
import io.pinxit.inference.PngEncoding;
import io.pinxit.storage.ObjectStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Thumbnails for the newest public artworks of the fixtures, which otherwise name objects nobody stored: each a
 * distinct 160-pixel PNG, stored content-addressed as the workers store them, and its key written into the artwork,
 * with the provenance record a worker writes beside every artwork it records.
 */
final class ThumbnailFixtures {

    /** An artwork whose thumbnail is in the store, and the key that is also its entity tag. */
    record Stored(UUID artworkId, String key) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int SIDE = 160;
    private static final int BLOCK = 20;

    private ThumbnailFixtures() {
    }

    static List<Stored> store(DataSource database, ObjectStore store, int count, long seed) throws SQLException {
        store.ensureBucket();
        var random = new SplittableRandom(seed);
        List<Stored> stored = new ArrayList<>(count);
        try (Connection connection = database.getConnection();
             var newest = connection.prepareStatement("select id, job_id, item_index, model_id, model_version, "
                     + "image_sha256, created_at, author_id, author_name, title, licence from catalog.artwork "
                     + "where visibility = 'PUBLIC' and moderation = 'SHOWN' order by created_at desc limit ?");
             var update = connection.prepareStatement("update catalog.artwork set thumbnail_key = ?, "
                     + "thumbnail_width = ?, thumbnail_height = ? where id = ?");
             var provenance = connection.prepareStatement("insert into catalog.provenance_record "
                     + "(artwork_id, record, created_at) values (?, cast(? as jsonb), ?)")) {
            newest.setInt(1, count);
            try (var rows = newest.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    String key = store.putContentAddressed(PngEncoding.encode(picture(random)), "image/png", "png")
                            .key();
                    update.setString(1, key);
                    update.setInt(2, SIDE);
                    update.setInt(3, SIDE);
                    update.setObject(4, id);
                    update.addBatch();
                    provenance.setObject(1, id);
                    provenance.setString(2, JSON.writeValueAsString(recordOf(rows)));
                    provenance.setTimestamp(3, rows.getTimestamp("created_at"));
                    provenance.addBatch();
                    stored.add(new Stored(id, key));
                }
            }
            update.executeBatch();
            provenance.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a provenance record", e);
        }
        return stored;
    }

    /** What a generation worker records for a picture it made, as in GenerationWorkerTest's artworks. */
    private static ProvenanceRecord recordOf(ResultSet artwork) throws SQLException {
        UUID id = artwork.getObject("id", UUID.class);
        var authorship = new Authorship(artwork.getObject("author_id", UUID.class), artwork.getString("author_name"),
                artwork.getString("title"), null, artwork.getString("licence"), Visibility.PUBLIC);
        var platform = new ComputePlatform("cpu()", "AMD EPYC", "avx512", 2, "PyTorch 2.7.1 via DJL 0.35.1");
        var check = new ContentCheck("nsfwjs-mobilenet-v2", "4.3.0", Map.of("drawing", 0.62f, "hentai", 0.01f,
                "neutral", 0.35f, "porn", 0.01f, "sexy", 0.01f), 0.8, 0.97, Moderation.SHOWN);
        return new ProvenanceRecord(id, artwork.getObject("job_id", UUID.class), artwork.getInt("item_index"),
                authorship, new ProvenanceRecord.ModelUsed(artwork.getString("model_id"),
                        artwork.getString("model_version"), "gan", "0".repeat(64)),
                Map.of("seed", 42, "count", 4), List.of(), artwork.getString("image_sha256"),
                new ProvenanceRecord.Producer("generation-service", "generation-bench", platform.device(),
                        platform.libraries(), platform),
                List.of(new ProvenanceRecord.Credit("Noto Emoji", "Apache-2.0", "Google")),
                artwork.getTimestamp("created_at").toInstant(), check);
    }

    /** Coloured blocks, about the size and entropy of a thumbnail of a 32-pixel picture enlarged. */
    private static BufferedImage picture(SplittableRandom random) {
        var image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        for (int y = 0; y < SIDE; y += BLOCK) {
            for (int x = 0; x < SIDE; x += BLOCK) {
                graphics.setColor(new Color(random.nextInt(0x1000000)));
                graphics.fillRect(x, y, BLOCK, BLOCK);
            }
        }
        graphics.dispose();
        return image;
    }
}
