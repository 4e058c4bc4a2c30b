package io.pinxit.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.djl.Device;
import io.pinxit.catalog.Artwork;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.Reproduction;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.jobevents.CancelledJobs;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.provenance.Verification;
import io.pinxit.storage.ObjectStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class GenerationWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", "Faces", "Emoji faces",
            "CC-BY-4.0", Visibility.UNLISTED);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ObjectStore store;

    @Inject
    SigningCredentials signing;

    @Inject
    CancelledJobs cancelledJobs;

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
    void aCommandMakesItsPicturesStoresThemAndReportsSuccess() throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 3, 42L, ADA, Instant.now());

        topics.send(command);

        JobEvent succeeded = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(topics.eventsOf(command.jobId())).extracting(JobEvent::state)
                .containsSubsequence(JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(succeeded.artworkIds()).hasSize(3);
        CatalogEntry first = catalog.find(succeeded.artworkIds().get(0)).orElseThrow();
        assertThat(first.provenance().model().id()).isEqualTo("emoji-dcgan");
        assertThat(first.provenance().model().weightsSha256()).hasSize(64);
        assertThat(first.provenance().producer().device()).isEqualTo(Device.cpu().toString());
        assertThat(first.provenance().parameters()).containsEntry("seed", 42);
        assertThat(first.provenance().credits()).isNotEmpty();
        assertThat(first.provenance().authorship()).isEqualTo(ADA);
        assertThat(first.artwork().authorship()).isEqualTo(ADA);
        try (InputStream stored = store.open(first.artwork().image().key())) {
            byte[] png = stored.readAllBytes();
            var image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(first.artwork().image().width());
            assertThat(image.getHeight()).isEqualTo(first.artwork().image().height());

            Verification manifest = C2paPng.verify(png, List.of(signing.chain().get(1)));
            assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
            assertThat(manifest.trusted()).isTrue();
            assertThat(manifest.hardBindingValid()).isTrue();
            assertThat(manifest.content().orElseThrow().author().orElseThrow().name()).isEqualTo("ada");
            assertThat(manifest.content().orElseThrow().digitalSourceType())
                    .isEqualTo(ManifestContent.TRAINED_ALGORITHMIC_MEDIA);
            assertThat(manifest.content().orElseThrow().generation()).containsEntry("jobId",
                    command.jobId().toString());
            assertThat(Sha256.hex(C2paPng.strip(png))).isEqualTo(first.artwork().image().strippedSha256());
        }
        assertThat(catalog.similar(first.artwork().id(), 100, Optional.of(ADA.authorId()))).extracting(Artwork::id)
                .contains(succeeded.artworkIds().get(1), succeeded.artworkIds().get(2));
        try (InputStream stored = store.open(first.artwork().thumbnail().key())) {
            var thumbnail = ImageIO.read(stored);
            assertThat(thumbnail.getWidth()).isEqualTo(first.artwork().thumbnail().width()).isPositive();
        }
    }

    @Test
    void aRedeliveredCommandMakesOneSetOfArtworks() {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 2, 7L, ADA, Instant.now());

        topics.send(command);
        topics.send(command);

        await().atMost(PATIENCE).until(() -> topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).count() == 2);
        List<List<UUID>> reported = topics.eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).map(JobEvent::artworkIds).toList();
        assertThat(reported.get(0)).hasSize(2).isEqualTo(reported.get(1));
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEqualTo(reported.get(0));
    }

    @Test
    void severalJobsRunAtOnceAndTheInteractiveLaneIsServedBesideTheBulkLane() {
        List<GenerationCommand> bulk = IntStream.range(0, 4).mapToObj(i ->
                GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 8, i, ADA, Instant.now())).toList();
        var small = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, 5L, ADA, Instant.now());

        bulk.forEach(topics::send);
        topics.sendInteractive(small);

        assertThat(topics.awaitEvent(small.jobId(), JobState.SUCCEEDED).artworkIds()).hasSize(1);
        List<Interval> runs = bulk.stream().map(command -> new Interval(
                topics.awaitEvent(command.jobId(), JobState.RUNNING).occurredAt(),
                topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).occurredAt())).toList();
        assertThat(runs).as("some bulk jobs ran at the same time")
                .anySatisfy(one -> assertThat(runs).anyMatch(other -> other != one && one.overlaps(other)));
    }

    private record Interval(Instant from, Instant to) {

        boolean overlaps(Interval other) {
            return from.isBefore(other.to) && other.from.isBefore(to);
        }
    }

    @Test
    void aCancelledJobsCommandIsTakenWithoutMakingAnythingOrSayingAWord() {
        var cancelled = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 4, 8L, ADA, Instant.now());
        var next = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, 8L, ADA, Instant.now());
        topics.cancel(cancelled.jobId(), JobKind.GENERATION);
        await().atMost(PATIENCE).until(() -> cancelledJobs.isCancelled(cancelled.jobId()));

        topics.send(cancelled);
        topics.sendAfter(next, cancelled);

        topics.awaitEvent(next.jobId(), JobState.SUCCEEDED);
        assertThat(topics.eventsOf(cancelled.jobId())).isEmpty();
        assertThat(catalog.artworkIdsOfJob(cancelled.jobId())).isEmpty();
    }

    @Test
    void reproducingAnArtworkGivesItsPixelsAgainAndRecordsNothingNew() {
        var original = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 3, 1234L, ADA, Instant.now());
        topics.send(original);
        UUID artwork = topics.awaitEvent(original.jobId(), JobState.SUCCEEDED).artworkIds().get(1);

        var reproduction = GenerationCommand.reproducing(artwork, UUID.randomUUID(), "emoji-dcgan", 3, 1234L, ADA,
                Instant.now());
        topics.send(reproduction);

        JobEvent outcome = topics.awaitEvent(reproduction.jobId(), JobState.SUCCEEDED);
        assertThat(outcome.reproduction().artworkId()).isEqualTo(artwork);
        assertThat(outcome.reproduction().identical()).isTrue();
        assertThat(outcome.reproduction().newPixelsSha256()).isEqualTo(outcome.reproduction().storedPixelsSha256());
        assertThat(outcome.reproduction().closeness()).isEqualTo(Reproduction.Closeness.IDENTICAL);
        assertThat(outcome.reproduction().originalPlatform()).as("recorded with the artwork")
                .isEqualTo(outcome.reproduction().platform());
        assertThat(outcome.reproduction().platformDiffers()).isFalse();
        assertThat(outcome.artworkIds()).isEmpty();
        assertThat(catalog.artworkIdsOfJob(reproduction.jobId())).isEmpty();
    }

    @Test
    void aReproductionWithOtherParametersIsReportedAsDifferent() {
        var original = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, 55L, ADA, Instant.now());
        topics.send(original);
        UUID artwork = topics.awaitEvent(original.jobId(), JobState.SUCCEEDED).artworkIds().get(0);

        var wrongSeed = GenerationCommand.reproducing(artwork, UUID.randomUUID(), "emoji-dcgan", 1, 56L, ADA,
                Instant.now());
        topics.send(wrongSeed);

        Reproduction outcome = topics.awaitEvent(wrongSeed.jobId(), JobState.SUCCEEDED).reproduction();
        assertThat(outcome.identical()).isFalse();
        assertThat(outcome.closeness()).as("another seed is another picture, not rounding")
                .isEqualTo(Reproduction.Closeness.DIFFERENT);
        assertThat(outcome.psnr()).isLessThan(40.0);
    }

    @Test
    void aConditionalModelMakesPicturesOfTheLabelAskedForAndRecordsIt() {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-cgan", 2, 7L, ADA, Instant.now())
                .withLabel("animals-nature");

        topics.send(command);

        List<UUID> artworks = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds();
        CatalogEntry first = catalog.find(artworks.get(0)).orElseThrow();
        assertThat(first.artwork().label()).isEqualTo("animals-nature");
        assertThat(first.provenance().parameters()).containsEntry("label", "animals-nature");
    }

    @Test
    void aPromptModelMakesPicturesOfThePromptAndRecordsItInTheProvenanceAndTheManifest() throws IOException {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-words", 2, 7L, ADA, Instant.now())
                .withPrompt("Red heart");

        topics.send(command);

        List<UUID> artworks = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds();
        CatalogEntry first = catalog.find(artworks.get(0)).orElseThrow();
        assertThat(first.provenance().parameters()).containsEntry("prompt", "Red heart");
        try (InputStream stored = store.open(first.artwork().image().key())) {
            Verification manifest = C2paPng.verify(stored.readAllBytes(), List.of(signing.chain().get(1)));
            assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
            assertThat(manifest.content().orElseThrow().generation().get("parameters"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("prompt", "Red heart");
        }
    }

    @Test
    void aPromptWithAWordTheModelDoesNotKnowFailsTheJobNamingTheNearestKnownWords() {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-words", 1, 7L, ADA, Instant.now())
                .withPrompt("red hart");

        topics.send(command);

        JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().detail()).contains("'hart' (did you mean").contains("heart");
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    @Test
    void aLabelTheModelDoesNotKnowFailsTheJobNamingTheValidLabels() {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-cgan", 1, 7L, ADA, Instant.now())
                .withLabel("dragons");

        topics.send(command);

        JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().detail()).contains("dragons").contains("animals-nature");
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    @Test
    void aCommandForAnUnknownModelFailsTheJobAndIsDeadLettered() {
        var command = GenerationCommand.of(UUID.randomUUID(), "no-such-model", 1, 1L, ADA, Instant.now());
        var deadLetters = topics.companion().consumeStrings().fromTopics(Topics.GENERATION_COMMANDS_DEAD_LETTER);
        try {
            topics.send(command);

            JobEvent failed = topics.awaitEvent(command.jobId(), JobState.FAILED);
            assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:unknown-model");
            assertThat(failed.failure().detail()).contains("no-such-model");
            await().atMost(PATIENCE).until(() -> deadLetters.getRecords().stream()
                    .anyMatch(record -> command.jobId().toString().equals(record.key())));
            assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
        } finally {
            deadLetters.close();
        }
    }

    @Test
    void theWorkerAnnouncesTheModelsItServesWithTheirCards() {
        var announcements = topics.companion().consume(ModelAnnouncement.class).fromTopics(Topics.WORKER_MODELS);
        try {
            await().atMost(PATIENCE).until(() -> !announcements.getRecords().isEmpty());
            ModelAnnouncement announcement = announcements.getRecords().get(0).value();
            assertThat(announcement.models()).anySatisfy(model -> {
                assertThat(model.id()).isEqualTo("emoji-dcgan");
                assertThat(model.card().get("weightsSha256").asText()).hasSize(64);
            });
            assertThat(announcement.isValidAt(Instant.now())).isTrue();
        } finally {
            announcements.close();
        }
    }



}
