package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A worker's periodic statement of the models it serves for one job kind. It holds until
 * {@code announcedAt + validFor}; a worker that stops announcing stops counting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelAnnouncement(int schemaVersion, String workerId, JobKind jobKind, List<ServedModel> models,
                                Instant announcedAt, Duration validFor) {

    public static final int SCHEMA_VERSION = 1;

    public ModelAnnouncement {
        models = models == null ? List.of() : List.copyOf(models);
    }

    public static ModelAnnouncement of(String workerId, JobKind jobKind, List<ServedModel> models, Instant at,
                                       Duration validFor) {
        return new ModelAnnouncement(SCHEMA_VERSION, workerId, jobKind, models, at, validFor);
    }

    public boolean isValidAt(Instant instant) {
        return instant.isBefore(announcedAt.plus(validFor));
    }
}
