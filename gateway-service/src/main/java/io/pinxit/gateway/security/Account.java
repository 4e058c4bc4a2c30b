package io.pinxit.gateway.security;

import java.time.Instant;
import java.util.UUID;

/** Someone who submits jobs: the human author of the pictures those jobs make. */
public record Account(UUID id, String name, Role role, Instant createdAt) {
}
