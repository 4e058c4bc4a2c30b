package io.pinxit.gateway.service;

import java.util.UUID;

/** A job's command was put in the outbox; observed after the commit, to wake the relay at once. */
public record CommandQueued(UUID jobId) {
}
