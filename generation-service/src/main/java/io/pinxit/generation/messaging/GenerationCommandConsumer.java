package io.pinxit.generation.messaging;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.generation.service.GenerationJobs;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes generation commands off Kafka, from the bulk lane and, beside it, the interactive lane (small jobs: see
 * {@code JobLane}), each running several jobs at once (the {@code max-concurrency} of its worker pool), so that one
 * job's recording (signing, storing, embedding, cataloguing) overlaps another's inference, and a small job never
 * waits for the bulk lane's backlog. A partition's offset is committed only up to its oldest command not yet done (the throttled commit
 * strategy), that is after the artworks and the job's outcome are stored; a command that fails goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class GenerationCommandConsumer {

    private final GenerationJobs jobs;

    GenerationCommandConsumer(GenerationJobs jobs) {
        this.jobs = jobs;
    }

    @Incoming("generation-commands")
    @Blocking(value = "generation-jobs", ordered = false)
    public void onCommand(GenerationCommand command) {
        jobs.run(command);
    }

    @Incoming("generation-interactive-commands")
    @Blocking(value = "generation-interactive-jobs", ordered = false)
    public void onInteractiveCommand(GenerationCommand command) {
        jobs.run(command);
    }
}
