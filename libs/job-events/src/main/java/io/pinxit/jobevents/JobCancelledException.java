package io.pinxit.jobevents;

import java.util.UUID;

/** Thrown at a job's next item or step once it is cancelled: the work stops, and nothing more is recorded for it. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException(UUID jobId) {
        super("Job " + jobId + " was cancelled");
    }
}
