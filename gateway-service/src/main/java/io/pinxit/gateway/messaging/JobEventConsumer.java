package io.pinxit.gateway.messaging;

import io.pinxit.contracts.JobEvent;
import io.pinxit.delivery.Retrying;
import io.pinxit.gateway.service.WorkerEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies workers' job events to the job table, in the gateways' shared group: each event is applied by one gateway
 * and committed after it. A database outage is waited out (within the retry budget) with the event unacknowledged, so
 * no event is lost and the channel never stops. Live followers are told by {@link JobUpdateFeed}.
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
    public void onEvent(JobEvent event) {
        retrying.call("Applying " + event.state() + " to job " + event.jobId(), () -> events.apply(event));
    }
}
