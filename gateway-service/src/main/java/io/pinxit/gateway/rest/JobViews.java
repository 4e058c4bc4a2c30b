package io.pinxit.gateway.rest;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.gateway.service.FastStyles;
import io.pinxit.gateway.service.Job;
import jakarta.enterprise.context.ApplicationScoped;

/** Shows jobs, with what they made that lives outside the job table: the network a style training made. */
@ApplicationScoped
public class JobViews {

    private final FastStyles fastStyles;

    JobViews(FastStyles fastStyles) {
        this.fastStyles = fastStyles;
    }

    public JobView of(Job job) {
        boolean trainedANetwork = job.kind() == JobKind.STYLE_TRAINING && job.state() == JobState.SUCCEEDED;
        var network = trainedANetwork ? fastStyles.madeBy(job.id()).map(StyleNetworkView::of).orElse(null) : null;
        return JobView.of(job, network);
    }
}
