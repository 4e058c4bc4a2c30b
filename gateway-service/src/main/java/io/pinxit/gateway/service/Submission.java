package io.pinxit.gateway.service;

/** The outcome of a submission: the job, and whether it was made before under the same Idempotency-Key. */
public record Submission(Job job, boolean replayed) {
}
