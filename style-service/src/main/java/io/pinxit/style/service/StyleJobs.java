package io.pinxit.style.service;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.jobevents.JobEventPublisher;
import io.pinxit.recording.ArtworkNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one style job and reports it: RUNNING, progress with previews while the picture forms, then SUCCEEDED with the
 * styled artwork, or FAILED with the reason (and the command is rethrown for dead-lettering). A failed job records
 * nothing: the artwork is written in one transaction at the end.
 */
@ApplicationScoped
public class StyleJobs {

    private static final Logger LOG = Logger.getLogger(StyleJobs.class);
    static final String ARTWORK_NOT_FOUND = "urn:pinxit:problem:artwork-not-found";
    static final String STYLE_TRANSFER_FAILED = "urn:pinxit:problem:style-transfer-failed";

    private final StyledArtworks artworks;
    private final JobEventPublisher events;
    private final Clock clock;
    private final String workerId;

    StyleJobs(StyledArtworks artworks, JobEventPublisher events, Clock clock,
              @ConfigProperty(name = "pinxit.worker.id") String workerId) {
        this.artworks = artworks;
        this.events = events;
        this.clock = clock;
        this.workerId = workerId;
    }

    public void run(StyleCommand command) {
        UUID jobId = command.jobId();
        events.publish(JobEvent.running(jobId, JobKind.STYLE_TRANSFER, workerId, clock.instant()));
        List<UUID> made;
        try {
            made = artworks.produce(command, new JobProgressReport(jobId, events, workerId, clock));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Style job %s failed", jobId);
            events.publish(JobEvent.failed(jobId, JobKind.STYLE_TRANSFER, failureOf(e), workerId, clock.instant()));
            throw e;
        }
        events.publish(JobEvent.succeeded(jobId, JobKind.STYLE_TRANSFER, made, workerId, clock.instant()));
    }

    private static JobFailure failureOf(RuntimeException e) {
        return e instanceof ArtworkNotFoundException
                ? new JobFailure(ARTWORK_NOT_FOUND, "No such artwork", e.getMessage())
                : new JobFailure(STYLE_TRANSFER_FAILED, "The style transfer could not be made", e.getMessage());
    }
}
