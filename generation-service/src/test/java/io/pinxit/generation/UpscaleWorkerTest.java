package io.pinxit.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.provenance.Verification;
import io.pinxit.storage.ObjectStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upscaling with the shipped ESRGAN models: a job of its own on a recorded artwork, and an option of generations. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class UpscaleWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", "Faces", null, "CC-BY-4.0",
            Visibility.PUBLIC);
    private static final Authorship BOB = new Authorship(UUID.randomUUID(), "bob", null, "Bigger", "CC0-1.0",
            Visibility.UNLISTED);
    private static final String ESRGAN_ATTRIBUTION =
            "Copyright (c) 2022 Kevin Scott. UpscalerJS ESRGAN Slim models, MIT License.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ObjectStore store;

    @Inject
    SigningCredentials signing;

    @Inject
    AgroalDataSource dataSource;

    private WorkerTopics topics;

    @BeforeEach
    void connect() {
        topics = new WorkerTopics(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void anUpscaleCommandRecordsTheArtworkFourTimesLargerAsASignedChildOfIt() throws Exception {
        UUID parentId = generatedArtwork(11L);
        CatalogEntry parent = catalog.find(parentId).orElseThrow();
        var command = UpscaleCommand.of(UUID.randomUUID(), parentId, 4, BOB, Instant.now());

        topics.send(command);

        JobEvent succeeded = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(succeeded.kind()).isEqualTo(JobKind.UPSCALE);
        assertThat(topics.eventsOf(command.jobId())).extracting(JobEvent::state)
                .containsSubsequence(JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(succeeded.artworkIds()).hasSize(1);
        UUID childId = succeeded.artworkIds().get(0);
        CatalogEntry child = catalog.find(childId).orElseThrow();

        assertThat(child.artwork().kind()).isEqualTo(ArtworkKind.UPSCALED);
        assertThat(child.artwork().image().width()).isEqualTo(4 * parent.artwork().image().width());
        assertThat(child.artwork().image().height()).isEqualTo(4 * parent.artwork().image().height());
        assertThat(child.artwork().modelId()).isEqualTo("esrgan-slim-x4");
        assertThat(child.artwork().authorship().authorName()).isEqualTo("bob");
        assertThat(child.artwork().authorship().title()).as("the parent's, when none is given").isEqualTo("Faces");
        assertThat(child.artwork().authorship().licence()).isEqualTo("CC0-1.0");
        assertThat(child.provenance().model().id()).isEqualTo("esrgan-slim-x4");
        assertThat(child.provenance().model().family()).isEqualTo("upscaler");
        assertThat(child.provenance().model().weightsSha256()).hasSize(64);
        assertThat(child.provenance().parameters()).containsEntry("factor", 4).hasSize(1);
        assertThat(child.provenance().parents()).containsExactly(new ProvenanceRecord.Parent(parentId,
                Relation.UPSCALE));
        assertThat(child.provenance().credits()).containsAll(parent.provenance().credits())
                .anySatisfy(credit -> {
                    assertThat(credit.attribution()).isEqualTo(ESRGAN_ATTRIBUTION);
                    assertThat(credit.licence()).isEqualTo("MIT");
                });
        Lineage lineage = catalog.lineage(childId, 10);
        assertThat(lineage.ancestors()).containsExactly(new Lineage.Edge(parentId, childId, Relation.UPSCALE, 1));

        byte[] png = read(child.artwork().image().key());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(child.artwork().image().width());
        assertThat(picture.getHeight()).isEqualTo(child.artwork().image().height());
        Verification manifest = C2paPng.verify(png, List.of(signing.chain().get(1)));
        assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
        assertThat(manifest.trusted()).isTrue();
        assertThat(manifest.ingredientsValid()).isTrue();
        ManifestContent content = manifest.content().orElseThrow();
        assertThat(content.author().orElseThrow().name()).isEqualTo("bob");
        assertThat(content.generation()).containsEntry("artworkId", childId.toString());
        assertThat(content.actions()).extracting(ManifestContent.Action::action)
                .containsExactly(ManifestContent.Action.OPENED, ManifestContent.Action.EDITED);
        assertThat(content.ingredients()).singleElement().satisfies(ingredient -> {
            assertThat(ingredient.relationship()).isEqualTo(ManifestContent.Relationship.PARENT_OF);
            assertThat(ingredient.instanceId()).isEqualTo("sha256:" + parent.artwork().image().sha256());
            assertThat(ingredient.title()).isEqualTo("Faces");
        });
        assertThat(manifest.ingredients()).singleElement().satisfies(ingredient -> {
            assertThat(ingredient.valid()).as("%s", ingredient.problems()).isTrue();
            assertThat(ingredient.trusted()).isTrue();
        });
        assertThat(content.credits()).extracting(ManifestContent.Credit::creator).contains(ESRGAN_ATTRIBUTION);

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(read(child.artwork().thumbnail().key())));
        assertThat(thumbnail.getWidth()).isEqualTo(child.artwork().thumbnail().width()).isEqualTo(128);
        assertThat(embeddingsOf(childId)).isEqualTo(1);
    }

    @Test
    void aRedeliveredUpscaleCommandRecordsNothingNew() {
        UUID parentId = generatedArtwork(12L);
        var command = UpscaleCommand.of(UUID.randomUUID(), parentId, 2, ADA, Instant.now());

        topics.send(command);
        topics.send(command);

        await().atMost(PATIENCE).until(() -> topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).count() == 2);
        List<List<UUID>> reported = topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).map(JobEvent::artworkIds).toList();
        assertThat(reported.get(0)).hasSize(1).isEqualTo(reported.get(1));
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEqualTo(reported.get(0));
        assertThat(catalog.lineage(parentId, 1).descendants()).hasSize(1);
    }

    @Test
    void aGenerationCommandWithUpscaleRecordsEachPictureThenItsUpscaleInTheSameOrder() {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 2, 21L, ADA, Instant.now())
                .withUpscale(2);

        topics.send(command);

        List<UUID> artworks = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds();
        assertThat(artworks).hasSize(4);
        for (int item = 0; item < 2; item++) {
            CatalogEntry picture = catalog.find(artworks.get(item)).orElseThrow();
            CatalogEntry upscaled = catalog.find(artworks.get(2 + item)).orElseThrow();
            assertThat(picture.artwork().kind()).isEqualTo(ArtworkKind.GENERATED);
            assertThat(picture.artwork().index()).isEqualTo(item);
            assertThat(upscaled.artwork().kind()).isEqualTo(ArtworkKind.UPSCALED);
            assertThat(upscaled.artwork().index()).isEqualTo(2 + item);
            assertThat(upscaled.artwork().image().width()).isEqualTo(2 * picture.artwork().image().width());
            assertThat(upscaled.artwork().authorship()).isEqualTo(ADA);
            assertThat(upscaled.provenance().parents()).containsExactly(
                    new ProvenanceRecord.Parent(picture.artwork().id(), Relation.UPSCALE));
            assertThat(upscaled.provenance().model().id()).isEqualTo("esrgan-slim-x2");
            assertThat(upscaled.artwork().thumbnail()).isNotNull();
        }

        topics.send(command);
        await().atMost(PATIENCE).until(() -> topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).count() == 2);
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEqualTo(artworks);
    }

    @Test
    void anUpscaleOfAnUnknownArtworkFailsTheJobAndIsDeadLettered() {
        var command = UpscaleCommand.of(UUID.randomUUID(), UUID.randomUUID(), 2, ADA, Instant.now());
        var deadLetters = topics.companion().consumeStrings().fromTopics(Topics.UPSCALE_COMMANDS_DEAD_LETTER);
        try {
            topics.send(command);

            JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
            assertThat(failed.kind()).isEqualTo(JobKind.UPSCALE);
            assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:artwork-not-found");
            assertThat(failed.failure().detail()).contains(command.artworkId().toString());
            await().atMost(PATIENCE).until(() -> deadLetters.getRecords().stream()
                    .anyMatch(record -> command.jobId().toString().equals(record.key())));
            assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
        } finally {
            deadLetters.close();
        }
    }

    @Test
    void anUpscaleBeyondTheLargestOutputFailsTheJobAndRecordsNothing() {
        var generation = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, 13L, ADA, Instant.now())
                .withUpscale(4);
        topics.send(generation);
        UUID upscaled = topics.awaitEvent(generation.jobId(), JobState.SUCCEEDED).artworkIds().get(1);
        var twice = UpscaleCommand.of(UUID.randomUUID(), upscaled, 4, ADA, Instant.now());
        topics.send(twice);
        UUID upscaledTwice = topics.awaitEvent(twice.jobId(), JobState.SUCCEEDED).artworkIds().get(0);

        var thrice = UpscaleCommand.of(UUID.randomUUID(), upscaledTwice, 4, ADA, Instant.now());
        topics.send(thrice);

        JobEvent failed = topics.awaitEvent(thrice.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:upscale-failed");
        assertThat(failed.failure().detail()).contains("512×512", "1024");
        assertThat(catalog.artworkIdsOfJob(thrice.jobId())).isEmpty();
        assertThat(catalog.lineage(upscaledTwice, 10).ancestors()).extracting(Lineage.Edge::depth)
                .containsExactlyInAnyOrder(1, 2);
    }

    private UUID generatedArtwork(long seed) {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, seed, ADA, Instant.now());
        topics.send(command);
        return topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().get(0);
    }

    private byte[] read(String key) throws IOException {
        try (InputStream stored = store.open(key)) {
            return stored.readAllBytes();
        }
    }

    private int embeddingsOf(UUID artworkId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "select count(*) from catalog.artwork_embedding where artwork_id = ?")) {
            statement.setObject(1, artworkId);
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
