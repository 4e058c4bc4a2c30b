package io.pinxit.jobevents;

import io.pinxit.contracts.JobCancellation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The jobs this worker must not run on: every worker reads all cancellations, from the oldest Kafka keeps, in a
 * consumer group of its own. Work checks {@link #checkpoint} before each item or step it records, so a cancellation
 * stops it within one item of reaching the worker.
 */
@ApplicationScoped
public class CancelledJobs {

    /** Enough for any backlog a worker may meet; the oldest cancellations are forgotten first. */
    static final int REMEMBERED = 100_000;

    private final Set<UUID> cancelled = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    @Incoming("job-cancellations")
    public void onCancellation(JobCancellation cancellation) {
        if (cancellation != null) {
            cancelled.add(cancellation.jobId());
        }
    }

    public boolean isCancelled(UUID jobId) {
        return cancelled.contains(jobId);
    }

    /** Throws {@link JobCancelledException} if the job is cancelled. */
    public void checkpoint(UUID jobId) {
        if (isCancelled(jobId)) {
            throw new JobCancelledException(jobId);
        }
    }
}
