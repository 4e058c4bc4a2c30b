package io.pinxit.generation.messaging;

import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.generation.service.GenerationJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes upscale commands off Kafka. The offset is committed only after the method returns, that is after the
 * artwork and the job's outcome are stored; a command that fails goes to the dead-letter topic.
 */
@ApplicationScoped
public class UpscaleCommandConsumer {

    private final GenerationJobs jobs;

    UpscaleCommandConsumer(GenerationJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("upscale-commands")
    @Blocking
    public void onCommand(UpscaleCommand command) {
        jobs.run(command);
    }
}
