package io.pinxit.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A catalog of made-up but plausible artworks, written with COPY: several models and kinds, a few thousand authors
 * of very different productivity, titles and some descriptions from a small vocabulary, mostly public, made over
 * a year and written in the order they were made (as workers record them, so the table is laid out by time as a
 * real catalog is). Deterministic for a seed.
 */
final class ArtworkFixtures {

    static final List<String> WORDS = List.of("sunflower", "harbour", "lighthouse", "dusk", "dawn", "forest", "river",
            "mountain", "portrait", "cat", "dog", "owl", "fox", "whale", "garden", "city", "night", "storm", "winter",
            "summer", "autumn", "spring", "blue", "red", "golden", "silver", "quiet", "bright", "ancient", "little",
            "smiling", "sleepy", "dancing", "flying", "broken", "hidden", "glass", "paper", "stone", "velvet", "moon",
            "sun", "star", "cloud", "rain", "snow", "fire", "ocean", "island", "bridge", "tower", "window", "door",
            "kitchen", "market", "train", "boat", "bicycle", "violin", "piano", "letter", "map", "clock", "lantern",
            "candle", "mirror", "feather", "shell", "leaf", "tree", "flower", "rose", "tulip", "orchid", "lemon",
            "cherry", "apple", "bread", "tea", "coffee", "smile", "face", "heart", "hand", "eye", "crown", "mask");
    static final List<String> MODELS = List.of("emoji-dcgan", "emoji-cgan", "emoji-vae", "esrgan-slim-x4",
            "neural-style");
    static final List<String> LICENCES = List.of("CC-BY-4.0", "CC0-1.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0",
            "LicenseRef-All-Rights-Reserved", "MIT");
    static final List<String> LABELS = List.of("smileys-emotion", "people-body", "animals-nature", "food-drink",
            "travel-places", "activities", "objects", "symbols", "flags", "component");
    static final int AUTHORS = 5000;
    private static final String COLUMNS = "id, job_id, item_index, kind, model_id, model_version, image_key, "
            + "image_sha256, media_type, width, height, byte_size, created_at, author_id, author_name, title, "
            + "description, licence, visibility, stripped_sha256, label, thumbnail_key, thumbnail_width, "
            + "thumbnail_height";
    private static final int ROWS_PER_FLUSH = 20_000;

    private final SplittableRandom random;
    private final List<UUID> authors = new ArrayList<>();
    private final Instant newest;

    ArtworkFixtures(long seed, Instant newest) {
        this.random = new SplittableRandom(seed);
        this.newest = newest;
        for (int index = 0; index < AUTHORS; index++) {
            authors.add(new UUID(random.nextLong(), random.nextLong()));
        }
    }

    List<UUID> authors() {
        return authors;
    }

    /** Writes {@code count} artworks into {@code catalog.artwork}, four per job. */
    void load(Connection connection, int count) throws SQLException {
        Instant first = newest.minus(Duration.ofDays(365));
        long spacingMicros = Duration.ofDays(365).toNanos() / 1000 / count;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy catalog.artwork (" + COLUMNS + ") from stdin (format text)");
        try {
            var buffer = new ByteArrayOutputStream(ROWS_PER_FLUSH * 400);
            var row = new StringBuilder(512);
            UUID job = null;
            for (int index = 0; index < count; index++) {
                if (index % 4 == 0) {
                    job = new UUID(random.nextLong(), random.nextLong());
                }
                row.setLength(0);
                appendRow(row, job, index % 4, first.plus(spacingMicros * index, ChronoUnit.MICROS));
                buffer.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
                if ((index + 1) % ROWS_PER_FLUSH == 0) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void appendRow(StringBuilder row, UUID job, int item, Instant made) {
        // The services' version 7 layout, but with this seeded generator so that a run can be repeated.
        UUID id = new UUID((made.toEpochMilli() << 16) | (0x7L << 12) | random.nextInt(1 << 12),
                0x8000_0000_0000_0000L | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL));
        int modelIndex = pick(new int[] {50, 20, 15, 5, 10});
        String model = MODELS.get(modelIndex);
        String kind = switch (modelIndex) {
            case 2 -> random.nextInt(3) == 0 ? "VARIATION" : "GENERATED";
            case 3 -> "UPSCALED";
            case 4 -> "STYLED";
            default -> "GENERATED";
        };
        int side = switch (modelIndex) {
            case 3 -> 128;
            case 4 -> 512;
            default -> 32;
        };
        String sha = hex();
        int author = (int) Math.min(AUTHORS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * AUTHORS));
        int visibility = random.nextInt(100);
        field(row, id);
        field(row, job);
        field(row, item);
        field(row, kind);
        field(row, model);
        field(row, "1.0.0");
        field(row, "sha256/" + sha.substring(0, 2) + "/" + sha + ".png");
        field(row, sha);
        field(row, "image/png");
        field(row, side);
        field(row, side);
        field(row, 2000 + random.nextInt(60_000));
        field(row, made);
        field(row, authors.get(author));
        field(row, "artist-" + author);
        field(row, words(2 + random.nextInt(3)));
        field(row, random.nextInt(10) < 3 ? words(6 + random.nextInt(7)) : null);
        field(row, LICENCES.get(pick(new int[] {35, 25, 10, 10, 15, 5})));
        field(row, visibility < 90 ? "PUBLIC" : visibility < 97 ? "UNLISTED" : "PRIVATE");
        field(row, hex());
        field(row, modelIndex == 1 ? LABELS.get(random.nextInt(LABELS.size())) : null);
        field(row, "sha256/" + sha.substring(0, 2) + "/" + hex() + ".png");
        field(row, Math.min(side, 256));
        row.append(Math.min(side, 256)).append('\n');
    }

    private static void field(StringBuilder row, Object value) {
        row.append(value == null ? "\\N" : value.toString()).append('\t');
    }

    /** Words drawn with a skew, so some are common and some rare, as in real titles. */
    private String words(int count) {
        var text = new StringBuilder();
        for (int index = 0; index < count; index++) {
            if (index > 0) {
                text.append(' ');
            }
            text.append(WORDS.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * WORDS.size())));
        }
        return text.toString();
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int ticket = random.nextInt(total);
        for (int index = 0; index < weights.length; index++) {
            ticket -= weights[index];
            if (ticket < 0) {
                return index;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private String hex() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
