package io.pinxit.gateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Job changes as they are applied in this gateway, for clients that follow a job live. */
@ApplicationScoped
public class JobUpdates {

    private final BroadcastProcessor<Job> changes = BroadcastProcessor.create();

    public synchronized void publish(Job job) {
        changes.onNext(job);
    }

    public Multi<Job> of(UUID jobId) {
        return changes.filter(job -> job.id().equals(jobId));
    }
}
