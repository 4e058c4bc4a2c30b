package io.pinxit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.contracts.Visibility;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Uploads and the style library on a real PostgreSQL, migrated by {@link CatalogSchema}. */
class UploadsAndStylesTest {

    /** Time-ordered ids a millisecond apart, as styles saved one after another get. */
    private static final TimeOrderedIds IDS = new TimeOrderedIds(new Clock() {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-23T12:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    });

    @TempDir
    static Path directory;

    private static CatalogDatabase database;
    private static PGSimpleDataSource dataSource;
    private static Uploads uploads;
    private static StyleLibrary styles;
    private static StyleNetworks networks;

    @BeforeAll
    static void migrate() {
        database = CatalogDatabase.start(directory);
        dataSource = database.dataSource();
        CatalogSchema.migrate(dataSource);
        uploads = new Uploads(dataSource);
        styles = new StyleLibrary(dataSource);
        networks = new StyleNetworks(dataSource);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theSameBytesUploadedTwiceAreOneUpload() {
        Upload first = upload("photo");
        Upload again = new Upload(first.image(), Upload.ImageFormat.JPEG, 1, 1, 1, 1, Instant.now());

        assertThat(uploads.record(first)).isEqualTo(first);
        assertThat(uploads.record(again)).as("the first record stands").isEqualTo(first);
        assertThat(uploads.find(first.sha256())).contains(first);
        assertThat(uploads.find(Sha256.hex("never uploaded"))).isEmpty();
    }

    @Test
    void aSavedStyleReadsBackWithItsCreditAndPicture() {
        var owner = UUID.randomUUID();
        var style = style(owner, "Starry night", Visibility.PUBLIC);

        styles.save(style);

        assertThat(styles.find(style.id())).contains(style);
        assertThat(styles.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anOwnerCannotHaveTwoStylesOfTheSameNameInAnyCase() {
        var owner = UUID.randomUUID();
        styles.save(style(owner, "Waves", Visibility.PUBLIC));

        assertThatThrownBy(() -> styles.save(style(owner, "WAVES", Visibility.PRIVATE)))
                .isInstanceOf(StyleNameTakenException.class).hasMessageContaining("WAVES");
        styles.save(style(UUID.randomUUID(), "Waves", Visibility.PUBLIC));
    }

    @Test
    void aViewerIsListedThePublicStylesAndTheirOwnNewestFirst() {
        var viewer = UUID.randomUUID();
        var others = UUID.randomUUID();
        var mine = styles.save(style(viewer, "Mine", Visibility.PRIVATE));
        var theirsPrivate = styles.save(style(others, "Theirs, private", Visibility.PRIVATE));
        var theirsUnlisted = styles.save(style(others, "Theirs, unlisted", Visibility.UNLISTED));
        var theirsPublic = styles.save(style(others, "Theirs, public", Visibility.PUBLIC));

        var listed = styles.list(1000, Optional.empty(), Optional.of(viewer), false);
        assertThat(listed).contains(mine, theirsPublic).doesNotContain(theirsPrivate, theirsUnlisted);
        assertThat(listed.indexOf(theirsPublic)).isLessThan(listed.indexOf(mine));
        assertThat(styles.list(1000, Optional.empty(), Optional.empty(), true))
                .contains(mine, theirsPrivate, theirsUnlisted, theirsPublic);
        assertThat(styles.list(1, Optional.of(theirsPublic.id()), Optional.of(viewer), false)).isNotEmpty()
                .allMatch(style -> style.id().compareTo(theirsPublic.id()) < 0);
    }

    @Test
    void aStyleCannotBeRewritten() throws SQLException {
        var style = styles.save(style(UUID.randomUUID(), "Fixed", Visibility.PUBLIC));

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update catalog.style set attribution = 'someone else' where id = '" + style.id() + "'"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aShippedStyleIsSavedOnceHoweverManyWorkersSaveIt() {
        var style = style(UUID.randomUUID(), "Shipped", Visibility.PUBLIC);

        assertThat(styles.saveIfAbsent(style)).isTrue();
        assertThat(styles.saveIfAbsent(style)).isFalse();
        assertThat(styles.find(style.id())).contains(style);
    }

    @Test
    void aStyleIsPaintedByItsNewestNetworkAndEveryJobRecordsAtMostOne() {
        var style = styles.save(style(UUID.randomUUID(), "Learned", Visibility.PUBLIC));
        var shipped = network(style, "fast-style-learned", null);
        var trainingJob = UUID.randomUUID();
        var trained = network(style, null, trainingJob);

        assertThat(networks.newestOf(style.id())).isEmpty();
        assertThat(networks.record(shipped)).isTrue();
        assertThat(networks.record(trained)).isTrue();
        assertThat(networks.record(network(style, null, trainingJob))).as("the job ran twice").isFalse();

        assertThat(networks.newestOf(style.id())).contains(trained);
        var untrained = styles.save(style(UUID.randomUUID(), "Untrained", Visibility.PUBLIC));
        assertThat(networks.newestOf(List.of(style.id(), untrained.id()))).isEqualTo(Map.of(style.id(), trained));
        assertThat(networks.ofJob(trainingJob)).contains(trained);
        assertThat(networks.find(shipped.id())).contains(shipped);
        assertThat(shipped.isShipped()).isTrue();
        assertThat(trained.isShipped()).isFalse();
    }

    @Test
    void aNetworkIsEitherShippedOrTrained() {
        var style = styles.save(style(UUID.randomUUID(), "Either", Visibility.PUBLIC));

        assertThatThrownBy(() -> network(style, "fast-style-either", UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network(style, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static StyleNetwork network(SavedStyle style, String modelId, UUID jobId) {
        String sha256 = Sha256.hex(style.id() + String.valueOf(jobId));
        return new StyleNetwork(IDS.next(), style.id(), modelId, jobId, "styles/networks/" + sha256 + ".params",
                sha256, new StyleNetwork.Training(2000, 4, 256, 7, 0.05, 0.4), "style-worker-1",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static SavedStyle style(UUID owner, String name, Visibility visibility) {
        var picture = uploads.record(upload(name + UUID.randomUUID()));
        return new SavedStyle(IDS.next(), name,
                new ProvenanceRecord.Credit("https://example.org/" + name, "CC0-1.0", "Vincent van Gogh"), picture,
                visibility, owner, "ada", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static Upload upload(String content) {
        String sha256 = Sha256.hex(content);
        String pngSha256 = Sha256.hex(content + ".png");
        var image = new UploadedImage(sha256, "sha256/" + pngSha256.substring(0, 2) + "/" + pngSha256 + ".png",
                pngSha256, 48, 64);
        return new Upload(image, Upload.ImageFormat.JPEG, 1234, 64, 48, 6,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
