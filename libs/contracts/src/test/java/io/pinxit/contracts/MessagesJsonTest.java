package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessagesJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Instant at = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void generationCommandRoundTripsWithItsSchemaVersion() throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 4, 42L,
                new Authorship(UUID.randomUUID(), "ada", "Faces", null, "CC-BY-4.0", Visibility.PUBLIC), at);

        String text = json.writeValueAsString(command);

        assertThat(json.readTree(text).get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.readTree(text).get("submittedAt").asText()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(json.readValue(text, GenerationCommand.class)).isEqualTo(command);
    }

    @Test
    void aGenerationCommandWithAnUpscaleRoundTripsAndCountsBothArtworksOfEachItem() throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 3, 42L,
                new Authorship(UUID.randomUUID(), "ada", null, null, "CC0-1.0", Visibility.PUBLIC), at).withUpscale(4);

        var copy = json.readValue(json.writeValueAsString(command), GenerationCommand.class);

        assertThat(copy).isEqualTo(command);
        assertThat(copy.upscale()).isEqualTo(4);
        assertThat(copy.artworkCount()).isEqualTo(6);
        assertThat(json.readTree(json.writeValueAsString(command.withUpscale(2))).has("upscale")).isTrue();
        assertThat(json.readTree(json.writeValueAsString(GenerationCommand.of(UUID.randomUUID(), "m", 1, 1L, null,
                at))).has("upscale")).isFalse();
    }

    @Test
    void aGenerationCommandForALabelRoundTripsAndLeavesTheFieldOutWithoutOne() throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-cgan", 8, 7L, null, at)
                .withLabel("animals-nature").withUpscale(2);

        var copy = json.readValue(json.writeValueAsString(command), GenerationCommand.class);

        assertThat(copy).isEqualTo(command);
        assertThat(copy.label()).isEqualTo("animals-nature");
        assertThat(json.readTree(json.writeValueAsString(command.withLabel(null))).has("label")).isFalse();
    }

    @Test
    void aGenerationCommandForAPromptRoundTripsAndLeavesTheFieldOutWithoutOne() throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-words", 4, 7L, null, at).withPrompt("red heart");

        var copy = json.readValue(json.writeValueAsString(command), GenerationCommand.class);

        assertThat(copy).isEqualTo(command);
        assertThat(copy.prompt()).isEqualTo("red heart");
        assertThat(json.readTree(json.writeValueAsString(command.withPrompt(null))).has("prompt")).isFalse();
    }

    @Test
    void upscaleCommandRoundTripsWithItsSchemaVersion() throws Exception {
        var command = UpscaleCommand.of(UUID.randomUUID(), UUID.randomUUID(), 2,
                new Authorship(UUID.randomUUID(), "ada", "Big", null, "CC-BY-4.0", Visibility.UNLISTED), at);

        String text = json.writeValueAsString(command);

        assertThat(json.readTree(text).get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.readValue(text, UpscaleCommand.class)).isEqualTo(command);
    }

    @Test
    void jobEventRoundTripsWithArtworksAndFailure() throws Exception {
        var succeeded = JobEvent.succeeded(UUID.randomUUID(), JobKind.GENERATION, List.of(UUID.randomUUID()), "worker-1", at);
        var failed = JobEvent.failed(UUID.randomUUID(), JobKind.GENERATION, new JobFailure("urn:pinxit:problem:x", "X", "why"), "w", at);

        assertThat(json.readValue(json.writeValueAsString(succeeded), JobEvent.class)).isEqualTo(succeeded);
        assertThat(json.readValue(json.writeValueAsString(failed), JobEvent.class)).isEqualTo(failed);
    }

    @Test
    void modelAnnouncementHoldsOnlyForItsValidity() throws Exception {
        var card = json.readTree("{\"id\":\"emoji-dcgan\"}");
        var announcement = ModelAnnouncement.of("w1", JobKind.GENERATION,
                List.of(new ServedModel("emoji-dcgan", "1", "gan", card)), at, Duration.ofSeconds(60));

        var copy = json.readValue(json.writeValueAsString(announcement), ModelAnnouncement.class);

        assertThat(copy).isEqualTo(announcement);
        assertThat(copy.isValidAt(at.plusSeconds(59))).isTrue();
        assertThat(copy.isValidAt(at.plusSeconds(60))).isFalse();
    }
}
