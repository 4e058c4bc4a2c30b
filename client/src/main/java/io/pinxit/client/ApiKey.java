package io.pinxit.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One of the caller's API keys, without its secret. */
public record ApiKey(UUID id, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {
}
