package io.pinxit.gateway.messaging;

import io.pinxit.contracts.JobEvent;
import io.pinxit.gateway.service.JobStore;
import io.pinxit.gateway.service.JobUpdates;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies workers' job events to the job table, then tells live followers. */
@ApplicationScoped
public class JobEventConsumer {

    private final JobStore jobs;
    private final JobUpdates updates;

    JobEventConsumer(JobStore jobs, JobUpdates updates) {
        this.jobs = jobs;
        this.updates = updates;
    }

    @Incoming("job-events")
    @Blocking
    public void onEvent(JobEvent event) {
        jobs.apply(event).ifPresent(updates::publish);
    }
}
