package io.pinxit.gateway.messaging;

import io.pinxit.contracts.JobCancellation;
import io.pinxit.contracts.JobEvent;
import io.pinxit.gateway.service.JobStore;
import io.pinxit.gateway.service.JobUpdates;
import io.pinxit.gateway.service.WorkerEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Tells this gateway's live followers (SSE) of every job's changes, whichever gateway's {@link JobEventConsumer}
 * applies them: every gateway reads all job events, from now on, in a consumer group of its own. It applies each
 * event too (applying is idempotent, so whichever gateway comes first wins and the other changes nothing), and shows
 * the job as it then is: a follower never sees a state that the table does not hold, nor misses one because another
 * gateway applied it. Cancellations, which a gateway applies before it publishes them, are shown the same way.
 */
@ApplicationScoped
public class JobUpdateFeed {

    private static final Logger LOG = Logger.getLogger(JobUpdateFeed.class);

    private final JobStore jobs;
    private final WorkerEvents events;
    private final JobUpdates updates;

    JobUpdateFeed(JobStore jobs, WorkerEvents events, JobUpdates updates) {
        this.jobs = jobs;
        this.events = events;
        this.updates = updates;
    }

    @Incoming("job-updates")
    @Blocking
    public void onEvent(JobEvent event) {
        if (event == null) {
            return;
        }
        try {
            events.apply(event).or(() -> jobs.find(event.jobId()))
                    .ifPresent(updates::publish);
        } catch (RuntimeException e) {
            missed(event.jobId(), e);
        }
    }

    @Incoming("job-cancellation-updates")
    @Blocking
    public void onCancellation(JobCancellation cancellation) {
        if (cancellation == null) {
            return;
        }
        try {
            jobs.find(cancellation.jobId()).ifPresent(updates::publish);
        } catch (RuntimeException e) {
            missed(cancellation.jobId(), e);
        }
    }

    private static void missed(UUID jobId, RuntimeException e) {
        LOG.warnf("Followers of job %s miss an update (they see it on reconnecting): %s", jobId, e.getMessage());
    }
}
