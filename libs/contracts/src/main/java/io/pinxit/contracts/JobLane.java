package io.pinxit.contracts;

/**
 * The queue a job waits in. Small jobs go to the interactive lane, which workers serve beside the bulk lane, so that
 * a person waiting for a few pictures never waits behind another account's batch of hundreds.
 */
public enum JobLane {
    INTERACTIVE,
    BULK
}
