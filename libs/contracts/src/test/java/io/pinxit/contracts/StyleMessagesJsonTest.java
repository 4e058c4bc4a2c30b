package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The style transfer's command and the progress events it reports, as they travel on Kafka. */
class StyleMessagesJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Instant at = Instant.parse("2026-11-23T12:00:00Z");
    private final UploadedImage photo = new UploadedImage("a".repeat(64), "sha256/bb/" + "b".repeat(64) + ".png",
            "b".repeat(64), 640, 480);

    @Test
    void aStyleCommandRoundTripsWithEachKindOfInput() throws Exception {
        var credit = new StyleCommand.Credit("https://example.org/starry-night", "CC0-1.0", "Vincent van Gogh");
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(photo),
                StyleCommand.Input.ofSavedStyle(UUID.randomUUID(), photo, credit), 0.75, true, 512, 42L,
                new Authorship(UUID.randomUUID(), "ada", "Starry cat", null, "CC-BY-4.0", Visibility.PUBLIC), at);

        String text = json.writeValueAsString(command);
        var copy = json.readValue(text, StyleCommand.class);

        assertThat(copy).isEqualTo(command);
        assertThat(json.readTree(text).get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(copy.content().source()).isEqualTo(StyleCommand.Source.UPLOAD);
        assertThat(copy.style().source()).isEqualTo(StyleCommand.Source.SAVED_STYLE);
        assertThat(StyleCommand.Input.ofArtwork(UUID.randomUUID()).source()).isEqualTo(StyleCommand.Source.ARTWORK);
        assertThat(json.readTree(text).get("content").has("artworkId")).as("absent inputs are left out").isFalse();
    }

    @Test
    void aRunningEventCarriesProgressAndAnEventWithoutProgressReadsAsBefore() throws Exception {
        var progress = JobProgress.of(20, 300).withPreview("iVBORw0KGgo=");
        var event = JobEvent.progressed(UUID.randomUUID(), JobKind.STYLE_TRANSFER, progress, "style-1", at);

        var copy = json.readValue(json.writeValueAsString(event), JobEvent.class);

        assertThat(copy).isEqualTo(event);
        assertThat(copy.state()).isEqualTo(JobState.RUNNING);
        String before = """
                {"schemaVersion":1,"jobId":"%s","kind":"GENERATION","state":"RUNNING","artworkIds":[],
                 "worker":"w","occurredAt":"2026-11-23T12:00:00Z","somethingNewer":{"x":1}}"""
                .formatted(UUID.randomUUID());
        assertThat(json.readValue(before, JobEvent.class).progress()).isNull();
        assertThat(json.readTree(json.writeValueAsString(JobEvent.running(UUID.randomUUID(), JobKind.GENERATION, "w",
                at))).has("progress")).isFalse();
    }
}
