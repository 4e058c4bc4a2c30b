package io.pinxit.style.messaging;

import io.pinxit.contracts.StyleCommand;
import io.pinxit.style.service.StyleJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes style commands off Kafka; the offset is committed once the job's outcome is stored. */
@ApplicationScoped
public class StyleCommandConsumer {

    private final StyleJobs jobs;

    StyleCommandConsumer(StyleJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("style-commands")
    @Blocking
    public void onCommand(StyleCommand command) {
        jobs.run(command);
    }
}
