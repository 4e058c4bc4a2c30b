package io.pinxit.style.service;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.jobevents.JobEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers style commands. No style algorithm ships yet, so every style job ends FAILED with a reason that says
 * so, instead of waiting forever.
 */
@ApplicationScoped
public class StyleJobs {

    static final JobFailure NOT_AVAILABLE = new JobFailure("urn:pinxit:problem:style-transfer-unavailable",
            "Style transfer is not available yet", "This Pinxit has no style transfer model installed");

    private final JobEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final String workerId;

    StyleJobs(JobEventPublisher events, @ConfigProperty(name = "pinxit.worker.id") String workerId) {
        this.events = events;
        this.workerId = workerId;
    }

    public void run(StyleCommand command) {
        events.publish(JobEvent.failed(command.jobId(), JobKind.STYLE_TRANSFER, NOT_AVAILABLE, workerId,
                clock.instant()));
    }
}
