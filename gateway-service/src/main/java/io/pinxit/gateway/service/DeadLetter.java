package io.pinxit.gateway.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A record a service could not handle, as its dead-letter topic holds it: where it came from, why it failed (the
 * connector's {@code dead-letter-*} headers), the job it names (its key) and, once an operator replayed it, when.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic, String reason,
                         String exception, Instant deadAt, String value, Instant replayedAt) {

    /** The job the record was for: commands and job events are keyed by job id. */
    @JsonProperty
    public UUID jobId() {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public DeadLetter replayedAt(Instant at) {
        return new DeadLetter(topic, partition, offset, key, originalTopic, reason, exception, deadAt, value, at);
    }
}
