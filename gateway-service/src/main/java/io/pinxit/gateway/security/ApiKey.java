package io.pinxit.gateway.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An API key's stored facts; its secret is never stored, only its hash. {@code expiresAt} is null for a key that
 * never expires, {@code revokedAt} for one that was not revoked.
 */
public record ApiKey(UUID id, UUID accountId, String name, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean hasExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
