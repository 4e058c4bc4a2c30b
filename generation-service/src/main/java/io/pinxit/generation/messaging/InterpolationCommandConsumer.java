package io.pinxit.generation.messaging;

import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.generation.service.GenerationJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes interpolation commands off Kafka. The offset is committed only after the method returns, that is after the
 * artwork and the job's outcome are stored; a command that fails goes to the dead-letter topic.
 */
@ApplicationScoped
public class InterpolationCommandConsumer {

    private final GenerationJobs jobs;

    InterpolationCommandConsumer(GenerationJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("interpolation-commands")
    @Blocking
    public void onCommand(InterpolationCommand command) {
        jobs.run(command);
    }
}
