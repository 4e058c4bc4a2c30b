package io.pinxit.gateway.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key's stored facts; its secret is never stored, only its hash. */
public record ApiKey(UUID id, UUID accountId, String name, Set<Scope> scopes, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
