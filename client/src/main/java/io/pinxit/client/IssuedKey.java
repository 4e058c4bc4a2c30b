package io.pinxit.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A key just issued, with its secret: the only time the gateway shows it. */
public record IssuedKey(UUID id, String name, List<String> scopes, Instant expiresAt, String secret) {
}
