package io.pinxit.contracts;

/**
 * The life of a job. States only move forward: a late or redelivered event never moves a job back. Only the gateway
 * cancels a job (its author or an administrator asked it to); workers never report CANCELLED.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean canMoveTo(JobState next) {
        return !isTerminal() && next.ordinal() > ordinal();
    }
}
