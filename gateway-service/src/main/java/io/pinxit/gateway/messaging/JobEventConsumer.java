package io.pinxit.gateway.messaging;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.pinxit.contracts.JobEvent;
import io.pinxit.delivery.Retrying;
import io.pinxit.gateway.service.WorkerEvents;
import io.pinxit.telemetry.JobTracing;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies workers' job events to the job table, in the gateways' shared group: each event is applied by one gateway
 * and committed after it. A database outage is waited out (within the retry budget) with the event unacknowledged, so
 * no event is lost and the channel never stops. Live followers are told by {@link JobUpdateFeed}. Each application
 * is a span in the trace of the worker's job, naming the job.
 */
@ApplicationScoped
public class JobEventConsumer {

    private final WorkerEvents events;
    private final Retrying retrying;

    JobEventConsumer(WorkerEvents events, Retrying retrying) {
        this.events = events;
        this.retrying = retrying;
    }

    @Incoming("job-events")
    @Blocking
    @WithSpan("apply job event")
    public void onEvent(JobEvent event) {
        try (var named = JobTracing.onJob(event.jobId())) {
            retrying.call("Applying " + event.state() + " to job " + event.jobId(), () -> events.apply(event));
        }
    }
}
