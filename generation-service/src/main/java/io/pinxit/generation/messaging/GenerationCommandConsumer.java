package io.pinxit.generation.messaging;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.generation.service.GenerationJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes generation commands off Kafka. The offset is committed only after the method returns, that is after the
 * artworks and the job's outcome are stored; a command that fails goes to the dead-letter topic.
 */
@ApplicationScoped
public class GenerationCommandConsumer {

    private final GenerationJobs jobs;

    GenerationCommandConsumer(GenerationJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("generation-commands")
    @Blocking
    public void onCommand(GenerationCommand command) {
        jobs.run(command);
    }
}
