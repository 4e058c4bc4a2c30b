package io.pinxit.gateway.service;

import java.util.UUID;

/** A worker took a job's command off its topic (the job left QUEUED), which makes room there for the next one. */
public record CommandTaken(UUID jobId) {
}
