package io.pinxit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.contracts.Visibility;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.PngEncoding;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.provenance.Verification;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.pinxit.storage.ObjectStore;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Style commands against the real broker, database and store, run by the shipped neural style transfer. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", null, null, "CC-BY-4.0",
            Visibility.PUBLIC);
    private static final StyleCommand.Credit STRIPES_CREDIT = new StyleCommand.Credit("Stripes by Bea",
            "CC-BY-4.0", "Bea Example, 2026");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ArtworkRecorder recorder;

    @Inject
    ObjectStore store;

    @Inject
    SigningCredentials signing;

    private KafkaCompanion kafka;
    private ConsumerTask<String, JobEvent> events;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        kafka.registerSerde(StyleCommand.class, new ObjectMapperSerde<>(StyleCommand.class));
        kafka.registerSerde(JobEvent.class, new ObjectMapperSerde<>(JobEvent.class));
        events = kafka.consume(JobEvent.class).fromTopics(Topics.JOB_EVENTS);
    }

    @AfterEach
    void disconnect() {
        events.close();
        kafka.close();
    }

    @Test
    void anUploadInTheStyleOfASavedStyleBecomesASignedStyledArtworkThatOwesTheStylesCredit() throws IOException {
        UploadedImage content = upload(landscape(120, 80));
        UploadedImage stripes = upload(stripes(64));
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(content),
                StyleCommand.Input.ofSavedStyle(UUID.randomUUID(), stripes, STRIPES_CREDIT), 0.8, false, 96, 7L, ADA,
                Instant.now());

        send(command);

        JobEvent succeeded = awaitEvent(command.jobId(), JobState.SUCCEEDED);
        assertThat(succeeded.kind()).isEqualTo(JobKind.STYLE_TRANSFER);
        assertThat(eventsOf(command.jobId())).filteredOn(event -> event.progress() != null)
                .as("progress while the picture forms, with a preview")
                .allSatisfy(event -> {
                    assertThat(event.state()).isEqualTo(JobState.RUNNING);
                    assertThat(event.progress().iteration()).isPositive().isLessThanOrEqualTo(event.progress().total());
                })
                .anySatisfy(event -> assertThat(event.progress().preview()).isNotBlank());
        CatalogEntry styled = catalog.find(succeeded.artworkIds().get(0)).orElseThrow();
        assertThat(styled.artwork().kind()).isEqualTo(ArtworkKind.STYLED);
        assertThat(styled.artwork().image().width()).isEqualTo(96);
        assertThat(styled.artwork().image().height()).isEqualTo(64);
        assertThat(styled.provenance().model().id()).isEqualTo("nsfwjs-mobilenet-v2");
        assertThat(styled.provenance().parents()).as("uploads are no artworks: no lineage edges").isEmpty();
        assertThat(styled.provenance().parameters()).containsEntry("strength", 0.8).containsEntry("seed", 7)
                .containsEntry("content", Map.of("uploadSha256", content.sha256(), "imageSha256",
                        content.imageSha256()));
        assertThat(styled.provenance().credits()).contains(new ProvenanceRecord.Credit(STRIPES_CREDIT.source(),
                STRIPES_CREDIT.licence(), STRIPES_CREDIT.attribution()));

        Verification manifest = C2paPng.verify(read(styled.artwork().image().key()), List.of(signing.chain().get(1)));
        assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
        ManifestContent written = manifest.content().orElseThrow();
        assertThat(written.ingredients()).extracting(ManifestContent.Ingredient::relationship)
                .containsExactly(ManifestContent.Relationship.PARENT_OF, ManifestContent.Relationship.INPUT_TO);
        assertThat(written.credits()).extracting(ManifestContent.Credit::creator).contains("Bea Example, 2026");
    }

    @Test
    void twoArtworksMakeAStyledChildOfBothInTheLineage() {
        UUID content = recorded(landscape(64, 64));
        UUID style = recorded(stripes(64));
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofArtwork(content),
                StyleCommand.Input.ofArtwork(style), 1.0, true, 64, 3L, ADA, Instant.now());

        send(command);

        UUID styled = awaitEvent(command.jobId(), JobState.SUCCEEDED).artworkIds().get(0);
        assertThat(catalog.lineage(styled, 1).ancestors()).containsExactlyInAnyOrder(
                new Lineage.Edge(content, styled, Relation.CONTENT, 1),
                new Lineage.Edge(style, styled, Relation.STYLE, 1));
        assertThat(catalog.find(styled).orElseThrow().provenance().parameters()).containsEntry("preserveColor", true);

        send(command);
        await().atMost(PATIENCE).until(() -> eventsOf(command.jobId()).stream()
                .filter(event -> event.state() == JobState.SUCCEEDED).count() == 2);
        assertThat(catalog.artworkIdsOfJob(command.jobId())).as("a redelivery records nothing new")
                .containsExactly(styled);
    }

    @Test
    void anInputArtworkThatDoesNotExistFailsTheJobAndRecordsNothing() {
        UUID missing = UUID.randomUUID();
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofArtwork(missing),
                StyleCommand.Input.ofUpload(upload(stripes(32))), 1.0, false, 64, 1L, ADA, Instant.now());

        send(command);

        JobEvent failed = awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:artwork-not-found");
        assertThat(failed.failure().detail()).contains(missing.toString());
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }

    private UUID recorded(BufferedImage picture) {
        var card = ModelCatalog.fromClasspath().find("emoji-dcgan").orElseThrow();
        UUID jobId = UUID.randomUUID();
        recorder.record(new NewArtwork(jobId, 0, ArtworkKind.GENERATED, ADA, "input", card, null, Map.of("seed", 1),
                new NewArtwork.Picture(PngEncoding.encode(picture), picture.getWidth(), picture.getHeight()),
                List.of(), NewArtwork.creditsOf(card)));
        return catalog.artworkIdsOfJob(jobId).get(0);
    }

    /** A picture as the gateway stores an upload: a metadata-free PNG, content-addressed. */
    private UploadedImage upload(BufferedImage picture) {
        byte[] png = PngEncoding.encode(picture);
        var stored = store.putContentAddressed(png, "image/png", "png");
        return new UploadedImage(Sha256.hex(png), stored.key(), stored.sha256(), picture.getWidth(),
                picture.getHeight());
    }

    private void send(StyleCommand command) {
        kafka.produce(StyleCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.STYLE_COMMANDS, command.jobId().toString(), command))
                .awaitCompletion();
    }

    private JobEvent awaitEvent(UUID jobId, JobState state) {
        await().atMost(PATIENCE).until(() -> eventsOf(jobId).stream().anyMatch(event -> event.state() == state));
        return eventsOf(jobId).stream().filter(event -> event.state() == state).findFirst().orElseThrow();
    }

    private List<JobEvent> eventsOf(UUID jobId) {
        return events.getRecords().stream().map(ConsumerRecord::value)
                .filter(event -> event.jobId().equals(jobId)).toList();
    }

    private byte[] read(String key) throws IOException {
        try (InputStream stored = store.open(key)) {
            return stored.readAllBytes();
        }
    }

    private static BufferedImage landscape(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(new Color(120, 180, 240));
        graphics.fillRect(0, 0, width, height / 2);
        graphics.setColor(new Color(60, 140, 60));
        graphics.fillRect(0, height / 2, width, height - height / 2);
        graphics.setColor(Color.YELLOW);
        graphics.fillOval(width / 4, height / 8, width / 5, width / 5);
        graphics.dispose();
        return picture;
    }

    private static BufferedImage stripes(int side) {
        var picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                picture.setRGB(x, y, ((x + y) / 4) % 2 == 0 ? 0xd03020 : 0x202080);
            }
        }
        return picture;
    }
}
