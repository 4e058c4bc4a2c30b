package io.pinxit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The catalog on a real PostgreSQL, migrated by its own Flyway scripts. */
class ArtworkCatalogTest {

    private static final Authorship PUBLIC_BY_ADA = new Authorship(UUID.randomUUID(), "ada", "Faces", null,
            "CC-BY-4.0", Visibility.PUBLIC);

    @TempDir
    static Path directory;

    private static PostgresServer postgres;
    private static ArtworkCatalog catalog;
    private static ProvenanceLog log;

    @BeforeAll
    static void migrate() {
        postgres = PostgresServer.start(directory, 0, false);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        Flyway.configure().dataSource(dataSource).schemas("catalog").locations("classpath:db/catalog")
                .table("catalog_schema_history").load().migrate();
        var json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        catalog = new ArtworkCatalog(dataSource, json);
        log = new ProvenanceLog(dataSource);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anArtworkIsRecordedOncePerJobItem() {
        UUID jobId = UUID.randomUUID();
        var first = artwork(jobId, 0, "2026-01-01T00:00:00Z");
        var redelivered = artwork(jobId, 0, "2026-01-01T00:00:01Z");

        assertThat(catalog.record(first, provenanceOf(first), embeddingOf(first))).isTrue();
        assertThat(catalog.record(redelivered, provenanceOf(redelivered), embeddingOf(redelivered))).isFalse();

        assertThat(catalog.artworkIdsOfJob(jobId)).containsExactly(first.id());
        assertThat(catalog.find(redelivered.id())).isEmpty();
    }

    @Test
    void aJobsArtworksAreRecordedTogetherAndOnlyTheNewOnesOfARedeliveryCount() {
        UUID jobId = UUID.randomUUID();
        var first = artwork(jobId, 0, "2026-01-02T00:00:00Z");
        var second = artwork(jobId, 1, "2026-01-02T00:00:01Z");
        var again = artwork(jobId, 1, "2026-01-02T00:00:02Z");
        var third = artwork(jobId, 2, "2026-01-02T00:00:03Z");

        assertThat(catalog.recordAll(List.of(recordOf(first), recordOf(second)))).isEqualTo(2);
        assertThat(catalog.recordAll(List.of(recordOf(again), recordOf(third)))).isEqualTo(1);

        assertThat(catalog.artworkIdsOfJob(jobId)).containsExactly(first.id(), second.id(), third.id());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anArtworkIsReadBackWithItsProvenanceOrAlone() {
        var artwork = artwork(UUID.randomUUID(), 3, "2026-02-01T00:00:00Z");
        catalog.record(artwork, provenanceOf(artwork), embeddingOf(artwork));

        CatalogEntry entry = catalog.find(artwork.id()).orElseThrow();

        assertThat(entry.artwork()).isEqualTo(artwork);
        assertThat(entry.provenance()).isEqualTo(provenanceOf(artwork));
        assertThat(catalog.findArtwork(artwork.id())).contains(artwork);
        assertThat(catalog.findArtwork(UUID.randomUUID())).isEmpty();
    }

    @Test
    void newestComesFirstAndTheLastIdSeenContinuesTheListing() {
        UUID jobId = UUID.randomUUID();
        String model = "model-" + UUID.randomUUID();
        var older = described(artwork(jobId, 0, "2030-01-01T00:00:00Z"), model, ArtworkKind.GENERATED, null,
                "CC0-1.0", null, null, null);
        var newer = described(artwork(jobId, 1, "2030-01-01T00:00:00.001Z"), model, ArtworkKind.GENERATED, null,
                "CC0-1.0", null, null, null);
        catalog.record(older, provenanceOf(older), embeddingOf(older));
        catalog.record(newer, provenanceOf(newer), embeddingOf(newer));
        var ofModel = new ArtworkFilter(model, null, null, null, null, null, null);

        List<Artwork> firstPage = catalog.list(ofModel, 1, Optional.empty(), Optional.empty());
        List<Artwork> secondPage = catalog.list(ofModel, 1, Optional.of(firstPage.get(0).id()), Optional.empty());

        assertThat(firstPage).containsExactly(newer);
        assertThat(secondPage).containsExactly(older);
    }

    @Test
    void privateAndUnlistedArtworksAreListedOnlyForTheirAuthor() {
        UUID author = UUID.randomUUID();
        var hidden = withVisibility(artwork(UUID.randomUUID(), 0, "2031-01-01T00:00:00Z"), author, Visibility.PRIVATE);
        var unlisted = withVisibility(artwork(UUID.randomUUID(), 0, "2031-01-01T00:00:01Z"), author,
                Visibility.UNLISTED);
        catalog.record(hidden, provenanceOf(hidden), embeddingOf(hidden));
        catalog.record(unlisted, provenanceOf(unlisted), embeddingOf(unlisted));

        assertThat(catalog.list(ArtworkFilter.NONE, 100, Optional.empty(), Optional.empty()))
                .extracting(Artwork::id).doesNotContain(hidden.id(), unlisted.id());
        assertThat(catalog.list(ArtworkFilter.NONE, 100, Optional.empty(), Optional.of(author)))
                .extracting(Artwork::id).contains(hidden.id(), unlisted.id());
        assertThat(catalog.find(hidden.id())).isPresent();
    }

    @Test
    void anArtworkIsFoundByTheHashOfItsImageWithOrWithoutItsManifest() {
        var artwork = artwork(UUID.randomUUID(), 0, "2032-01-01T00:00:00Z");
        catalog.record(artwork, provenanceOf(artwork), embeddingOf(artwork));

        assertThat(catalog.findByImageHash(artwork.image().sha256())).extracting(Artwork::id).contains(artwork.id());
        assertThat(catalog.findByImageHash(artwork.image().strippedSha256())).extracting(Artwork::id)
                .contains(artwork.id());
        assertThat(catalog.findByImageHash("00".repeat(32))).isEmpty();
    }

    @Test
    void eachFilterNarrowsTheListingAndTheyCombine() {
        String model = "model-" + UUID.randomUUID();
        UUID author = UUID.randomUUID();
        var generated = described(artwork(UUID.randomUUID(), 0, "2033-05-01T10:00:00Z"), model, ArtworkKind.GENERATED,
                author, "CC0-1.0", "Sunflowers at dusk", null, "animals-nature");
        var styled = described(artwork(UUID.randomUUID(), 0, "2033-05-02T10:00:00Z"), model, ArtworkKind.STYLED,
                author, "CC-BY-4.0", "Harbour", "Boats painted over a photograph of the harbour", null);
        var otherAuthors = described(artwork(UUID.randomUUID(), 0, "2033-05-03T10:00:00Z"), model,
                ArtworkKind.GENERATED, UUID.randomUUID(), "CC0-1.0", "Smiling faces", null, "smileys-emotion");
        for (Artwork artwork : List.of(generated, styled, otherAuthors)) {
            catalog.record(artwork, provenanceOf(artwork), embeddingOf(artwork));
        }
        var ofModel = new ArtworkFilter(model, null, null, null, null, null, null);

        assertThat(listed(ofModel)).containsExactly(otherAuthors.id(), styled.id(), generated.id());
        assertThat(listed(new ArtworkFilter(model, ArtworkKind.STYLED, null, null, null, null, null)))
                .containsExactly(styled.id());
        assertThat(listed(new ArtworkFilter(model, null, author, null, null, null, null)))
                .containsExactly(styled.id(), generated.id());
        assertThat(listed(new ArtworkFilter(model, ArtworkKind.GENERATED, null, "CC0-1.0", null, null, null)))
                .containsExactly(otherAuthors.id(), generated.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, LocalDate.parse("2033-05-02"),
                LocalDate.parse("2033-05-02"), null))).containsExactly(styled.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, LocalDate.parse("2033-05-02"), null, null)))
                .containsExactly(otherAuthors.id(), styled.id());
    }

    @Test
    void textSearchFindsWordsInTitleDescriptionLabelAndModelWithTheirOtherForms() {
        String model = "model-" + UUID.randomUUID();
        var sunflower = described(artwork(UUID.randomUUID(), 0, "2034-01-01T00:00:00Z"), model, ArtworkKind.GENERATED,
                null, "CC0-1.0", "Sunflowers at dusk", null, "animals-nature");
        var harbour = described(artwork(UUID.randomUUID(), 0, "2034-01-01T00:00:01Z"), model, ArtworkKind.STYLED,
                null, "CC0-1.0", "Harbour", "Boats painted over a photograph", null);
        catalog.record(sunflower, provenanceOf(sunflower), embeddingOf(sunflower));
        catalog.record(harbour, provenanceOf(harbour), embeddingOf(harbour));

        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "sunflower"))).containsExactly(sunflower.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "boat painting")))
                .containsExactly(harbour.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "nature"))).containsExactly(sunflower.id());
        assertThat(listed(new ArtworkFilter(null, null, null, null, null, null, model)))
                .containsExactly(harbour.id(), sunflower.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "boats -photograph"))).isEmpty();
    }

    @Test
    void textSearchFindsTheWordsOfAPromptModelsPrompt() {
        String model = "model-" + UUID.randomUUID();
        var cat = described(artwork(UUID.randomUUID(), 0, "2034-02-01T00:00:00Z"), model, ArtworkKind.GENERATED,
                null, "CC0-1.0", "Untitled", null, null);
        var heart = described(artwork(UUID.randomUUID(), 0, "2034-02-01T00:00:01Z"), model, ArtworkKind.GENERATED,
                null, "CC0-1.0", "Untitled", null, null);
        catalog.record(cat, prompted(provenanceOf(cat), "Smiling cats"), embeddingOf(cat));
        catalog.record(heart, prompted(provenanceOf(heart), "red heart"), embeddingOf(heart));

        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "cat"))).containsExactly(cat.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "hearts"))).containsExactly(heart.id());
        assertThat(listed(new ArtworkFilter(model, null, null, null, null, null, "smiling heart"))).isEmpty();
    }

    @Test
    void theModelsAndLicencesInUseAreListedOnceEach() {
        String model = "model-" + UUID.randomUUID();
        for (int index = 0; index < 3; index++) {
            var artwork = described(artwork(UUID.randomUUID(), index, "2035-01-01T00:00:00Z"), model,
                    ArtworkKind.GENERATED, null, "LicenseRef-Test-" + model, "t", null, null);
            catalog.record(artwork, provenanceOf(artwork), embeddingOf(artwork));
        }

        assertThat(catalog.models()).containsOnlyOnce(model).contains("emoji-dcgan").isSorted();
        assertThat(catalog.licences()).containsOnlyOnce("LicenseRef-Test-" + model).isSorted();
    }

    @Test
    void theListingsPlanCanBeReadWithWhatItDid() {
        String plan = catalog.explainList(new ArtworkFilter("emoji-dcgan", null, null, null, null, null, "faces"), 50,
                Optional.empty(), Optional.of(UUID.randomUUID()));

        assertThat(plan).contains("Limit").contains("actual time=").contains("Execution Time");
    }

    @Test
    void similarArtworksComeMostAlikeFirstWithoutTheArtworkItselfOrOthersPrivateWork() {
        String embedder = "embedder-" + UUID.randomUUID();
        var target = artwork(UUID.randomUUID(), 0, "2036-01-01T00:00:00Z");
        var near = artwork(UUID.randomUUID(), 0, "2036-01-01T00:00:01Z");
        var far = artwork(UUID.randomUUID(), 0, "2036-01-01T00:00:02Z");
        var privateTwin = withVisibility(artwork(UUID.randomUUID(), 0, "2036-01-01T00:00:03Z"), UUID.randomUUID(),
                Visibility.PRIVATE);
        catalog.record(target, provenanceOf(target), new Embedding(embedder, unit(1, 0.1, 0, 0.2)));
        catalog.record(far, provenanceOf(far), new Embedding(embedder, unit(-0.2, 1, 0.5, 0)));
        catalog.record(near, provenanceOf(near), new Embedding(embedder, unit(0.9, 0.2, 0.1, 0.2)));
        catalog.record(privateTwin, provenanceOf(privateTwin), new Embedding(embedder, unit(1, 0.1, 0, 0.2)));

        assertThat(catalog.similar(target.id(), 10, Optional.empty())).extracting(Artwork::id)
                .containsExactly(near.id(), far.id());
        assertThat(catalog.similar(target.id(), 10, Optional.of(privateTwin.authorship().authorId())))
                .extracting(Artwork::id).containsExactly(privateTwin.id(), near.id(), far.id());
        assertThat(catalog.similar(UUID.randomUUID(), 10, Optional.empty())).isEmpty();
    }

    @Test
    void nearbyVectorsShareMoreSketchBitsThanDistantOnes() {
        long target = new Embedding("m", unit(1, 0.1, 0, 0.2)).sketch();
        long near = new Embedding("m", unit(0.9, 0.2, 0.1, 0.2)).sketch();
        long far = new Embedding("m", unit(-0.2, 1, 0.5, 0)).sketch();

        assertThat(Long.bitCount(target ^ near)).isLessThan(Long.bitCount(target ^ far));
    }

    private static float[] unit(double... values) {
        double norm = Math.sqrt(Arrays.stream(values).map(value -> value * value).sum());
        float[] vector = new float[values.length];
        for (int index = 0; index < values.length; index++) {
            vector[index] = (float) (values[index] / norm);
        }
        return vector;
    }

    /** A different direction for every artwork, so that no two recorded artworks look alike by accident. */
    static Embedding embeddingOf(Artwork artwork) {
        long bits = artwork.id().getLeastSignificantBits();
        return new Embedding("embedder", unit(bits & 0xFF, (bits >> 8) & 0xFF, (bits >> 16) & 0xFF, 1));
    }

    private static List<UUID> listed(ArtworkFilter filter) {
        return catalog.list(filter, 100, Optional.empty(), Optional.empty()).stream().map(Artwork::id).toList();
    }

    private static Artwork described(Artwork artwork, String model, ArtworkKind kind, UUID author, String licence,
                                     String title, String description, String label) {
        var authorship = new Authorship(author, "cy", title, description, licence, Visibility.PUBLIC);
        return new Artwork(artwork.id(), artwork.jobId(), artwork.index(), kind, model, artwork.modelVersion(), label,
                artwork.image(), artwork.thumbnail(), authorship, artwork.createdAt(), Moderation.SHOWN);
    }

    private static Artwork withVisibility(Artwork artwork, UUID author, Visibility visibility) {
        var authorship = new Authorship(author, "bo", null, null, "CC0-1.0", visibility);
        return new Artwork(artwork.id(), artwork.jobId(), artwork.index(), artwork.kind(), artwork.modelId(),
                artwork.modelVersion(), artwork.label(), artwork.image(), artwork.thumbnail(), authorship,
                artwork.createdAt(), Moderation.SHOWN);
    }

    /** A version 7 UUID for the instant, so that ids order by time as the services' ids do. */
    private static ArtworkCatalog.NewRecord recordOf(Artwork artwork) {
        return new ArtworkCatalog.NewRecord(artwork, provenanceOf(artwork), embeddingOf(artwork));
    }

    static Artwork artwork(UUID jobId, int index, String createdAt) {
        Instant at = Instant.parse(createdAt).truncatedTo(ChronoUnit.MICROS);
        UUID id = new UUID((at.toEpochMilli() << 16) | 0x7000L | index,
                0x8000_0000_0000_0000L | (UUID.randomUUID().getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL));
        String sha256 = Sha256.hex(id.toString());
        var image = new StoredImage("sha256/" + sha256.substring(0, 2) + "/" + sha256 + ".png", sha256,
                Sha256.hex("stripped " + id), "image/png", 32, 32, 100);
        return new Artwork(id, jobId, index, ArtworkKind.GENERATED, "emoji-dcgan", "1", null, image,
                new Thumbnail("thumbnails/" + sha256 + ".png", 32, 32), PUBLIC_BY_ADA, at, Moderation.SHOWN);
    }

    private static ProvenanceRecord prompted(ProvenanceRecord record, String prompt) {
        return new ProvenanceRecord(record.artworkId(), record.jobId(), record.index(), record.authorship(),
                record.model(), Map.of("seed", 42, ProvenanceRecord.PROMPT, prompt), record.parents(),
                record.imageSha256(), record.producer(), record.credits(), record.createdAt(), null);
    }

    static ProvenanceRecord provenanceOf(Artwork artwork) {
        return new ProvenanceRecord(artwork.id(), artwork.jobId(), artwork.index(), artwork.authorship(),
                new ProvenanceRecord.ModelUsed("emoji-dcgan", "1", "gan", "cd".repeat(32)), Map.of("seed", 42), List.of(),
                artwork.image().sha256(), new ProvenanceRecord.Producer("generation-service", "w1", "cpu()",
                        "PyTorch 2.7.1 via DJL 0.35.1", new ComputePlatform("cpu()", "AMD EPYC", "avx512", 2,
                                "PyTorch 2.7.1 via DJL 0.35.1")),
                List.of(new ProvenanceRecord.Credit("Twemoji", "CC-BY-4.0", "Twitter, Inc and other contributors")),
                artwork.createdAt(), null);
    }
}
