package io.pinxit.style.messaging;

import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.style.service.StyleJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes style training commands off Kafka; the offset is committed once the network and the outcome are stored. */
@ApplicationScoped
public class StyleTrainingCommandConsumer {

    private final StyleJobs jobs;

    StyleTrainingCommandConsumer(StyleJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("style-training-commands")
    @Blocking
    public void onCommand(StyleTrainingCommand command) {
        jobs.run(command);
    }
}
