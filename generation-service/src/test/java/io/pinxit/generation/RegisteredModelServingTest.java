package io.pinxit.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.ServedModel;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.Visibility;
import io.pinxit.generation.service.ServedGenerators;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.inference.ModelCard;
import io.pinxit.registry.ModelRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model registered while the worker runs is served without a restart. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class RegisteredModelServingTest {

    /** The test profile polls the registry every second; loading and announcing take a little longer. */
    private static final Duration PICK_UP = Duration.ofSeconds(15);
    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", "Noise", null, "CC0-1.0",
            Visibility.PUBLIC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ModelRegistry registry;

    @Inject
    ServedGenerators generators;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ObjectMapper json;

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
    void aRegisteredTorchScriptModelIsAnnouncedAndGeneratesWithinThePollInterval() throws IOException {
        ModelCard card = json.readValue(resource("tiny-torchscript.card.json"), ModelCard.class);
        var announcements = topics.companion().consume(ModelAnnouncement.class).fromTopics(Topics.WORKER_MODELS);
        try {
            registry.register(card, resource(card.weightsFile()), "ada");

            await().atMost(PICK_UP).until(() -> announcements.getRecords().stream()
                    .anyMatch(record -> record.value().models().stream().map(ServedModel::id)
                            .anyMatch(card.id()::equals)));
        } finally {
            announcements.close();
        }
        var command = GenerationCommand.of(UUID.randomUUID(), card.id(), 2, 42L, ADA, Instant.now());
        topics.send(command);

        JobEvent succeeded = topics.awaitEvent(command.jobId(), JobState.SUCCEEDED);
        var first = catalog.find(succeeded.artworkIds().get(0)).orElseThrow();
        assertThat(first.artwork().image().width()).isEqualTo(8);
        assertThat(first.artwork().image().height()).isEqualTo(8);
        assertThat(first.provenance().model().id()).isEqualTo(card.id());
        assertThat(first.provenance().model().weightsSha256()).isEqualTo(card.weightsSha256());
        assertThat(generators.devices()).allSatisfy(device -> assertThat(device.holds(card.id())).isTrue());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RegisteredModelServingTest.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
