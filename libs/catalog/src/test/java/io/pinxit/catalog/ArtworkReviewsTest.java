package io.pinxit.catalog;

import static io.pinxit.catalog.ArtworkCatalogTest.artwork;
import static io.pinxit.catalog.ArtworkCatalogTest.embeddingOf;
import static io.pinxit.catalog.ArtworkCatalogTest.provenanceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Reports, appeals and reviewers' decisions on a real PostgreSQL, and what moderation does to listings. */
class ArtworkReviewsTest {

    @TempDir
    static Path directory;

    private static CatalogDatabase database;
    private static PGSimpleDataSource dataSource;
    private static ArtworkCatalog catalog;
    private static ArtworkReviews reviews;

    @BeforeAll
    static void migrate() {
        database = CatalogDatabase.start(directory);
        dataSource = database.dataSource();
        var json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        catalog = new ArtworkCatalog(dataSource, json);
        reviews = new ArtworkReviews(dataSource, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void oneOpenRequestAPersonAndKindStandsForAllTheyMake() {
        Artwork artwork = recorded("2026-02-01T00:00:00Z");
        UUID bob = UUID.randomUUID();

        var first = reviews.request(artwork.id(), ArtworkReviews.RequestKind.REPORT, bob, "not for children");
        var again = reviews.request(artwork.id(), ArtworkReviews.RequestKind.REPORT, bob, "really");
        var other = reviews.request(artwork.id(), ArtworkReviews.RequestKind.REPORT, UUID.randomUUID(), "spam");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.reason()).isEqualTo("not for children");
        assertThat(waitingOn(artwork).requests()).extracting(ArtworkReviews.Request::id)
                .containsExactly(first.id(), other.id());
    }

    @Test
    void aDecisionSetsTheModerationClosesTheRequestsAndIsKept() {
        Artwork artwork = recorded("2026-02-02T00:00:00Z");
        UUID reviewer = UUID.randomUUID();
        reviews.request(artwork.id(), ArtworkReviews.RequestKind.REPORT, UUID.randomUUID(), "nudity");

        assertThat(reviews.decide(artwork.id(), Moderation.HIDDEN, reviewer, "reported")).isTrue();

        assertThat(catalog.find(artwork.id()).orElseThrow().artwork().moderation()).isEqualTo(Moderation.HIDDEN);
        assertThat(reviews.queue(100)).noneMatch(waiting -> waiting.artwork().id().equals(artwork.id()));
        assertThat(reviews.decisions(artwork.id())).singleElement().satisfies(decision -> {
            assertThat(decision.moderation()).isEqualTo(Moderation.HIDDEN);
            assertThat(decision.reviewerId()).isEqualTo(reviewer);
            assertThat(decision.note()).isEqualTo("reported");
        });
        assertThat(reviews.decide(UUID.randomUUID(), Moderation.SHOWN, reviewer, null)).isFalse();
    }

    @Test
    void hiddenAndDeletedArtworksLeaveListingsAndMoreLikeThisButBlurredOnesStay() {
        Artwork shown = recorded("2026-02-03T00:00:00Z");
        Artwork blurred = recorded("2026-02-03T00:00:01Z");
        Artwork hidden = recorded("2026-02-03T00:00:02Z");
        Artwork deleted = recorded("2026-02-03T00:00:03Z");
        reviews.decide(blurred.id(), Moderation.BLURRED, UUID.randomUUID(), null);
        reviews.decide(hidden.id(), Moderation.HIDDEN, UUID.randomUUID(), null);
        reviews.decide(deleted.id(), Moderation.DELETED, UUID.randomUUID(), null);

        List<UUID> listed = catalog.list(ArtworkFilter.NONE, 100,
                Optional.empty(), Optional.of(shown.authorship().authorId())).stream().map(Artwork::id).toList();
        List<UUID> similar = catalog.similar(shown.id(), 100, Optional.empty()).stream().map(Artwork::id).toList();

        assertThat(listed).contains(shown.id(), blurred.id()).doesNotContain(hidden.id(), deleted.id());
        assertThat(similar).contains(blurred.id()).doesNotContain(hidden.id(), deleted.id());
        assertThat(catalog.find(deleted.id())).as("the records stay").isPresent();
    }

    @Test
    void reviewersDecisionsCannotBeRewritten() throws SQLException {
        Artwork artwork = recorded("2026-02-04T00:00:00Z");
        reviews.decide(artwork.id(), Moderation.BLURRED, UUID.randomUUID(), "suggestive");

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update catalog.moderation_decision set note = 'fine'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from catalog.moderation_decision"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void anArtworkWithTheSamePixelsIsATwinUntilItIsDeletedToo() {
        Artwork artwork = recorded("2026-02-05T00:00:00Z");
        Artwork other = artwork(UUID.randomUUID(), 0, "2026-02-05T00:00:01Z");
        StoredImage image = other.image();
        Artwork twin = new Artwork(other.id(), other.jobId(), 0, other.kind(), other.modelId(), other.modelVersion(),
                null, new StoredImage(image.key(), image.sha256(), artwork.image().strippedSha256(),
                        image.mediaType(), image.width(), image.height(), image.byteSize()),
                other.thumbnail(), other.authorship(), other.createdAt(), Moderation.SHOWN);
        assertThat(reviews.liveTwin(artwork)).isEmpty();

        catalog.record(twin, provenanceOf(twin), embeddingOf(twin));
        assertThat(reviews.liveTwin(artwork)).contains(twin.id());

        reviews.decide(twin.id(), Moderation.DELETED, UUID.randomUUID(), null);
        assertThat(reviews.liveTwin(artwork)).isEmpty();
    }

    private static ArtworkReviews.Waiting waitingOn(Artwork artwork) {
        return reviews.queue(100).stream().filter(waiting -> waiting.artwork().id().equals(artwork.id()))
                .findFirst().orElseThrow();
    }

    private static Artwork recorded(String createdAt) {
        Artwork artwork = artwork(UUID.randomUUID(), 0, createdAt);
        catalog.record(artwork, provenanceOf(artwork), embeddingOf(artwork));
        return artwork;
    }
}
