package io.pinxit.contracts;

/** The life of a job. States only move forward: a late or redelivered event never moves a job back. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }

    public boolean canMoveTo(JobState next) {
        return !isTerminal() && next.ordinal() > ordinal();
    }
}
