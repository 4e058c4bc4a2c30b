package io.pinxit.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The account behind the current request. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID accountId() {
        return identity.getAttribute(ApiKeyIdentityProvider.ACCOUNT_ID);
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The account's role: what its keys may be given, not what this key may do. */
    public Role role() {
        return identity.hasRole("admin") ? Role.ADMIN : Role.USER;
    }

    /**
     * Whether this request may act on every account's work: the account is an administrator's and the key holds
     * {@code jobs:admin}. An administrator's read-only or submit-only key acts as a user.
     */
    public boolean isAdmin() {
        return role() == Role.ADMIN && identity.hasRole(Scope.JOBS_ADMIN.role());
    }

    /** When the calling key expires, if it does. */
    public Optional<Instant> keyExpiresAt() {
        return Optional.ofNullable(identity.getAttribute(ApiKeyIdentityProvider.KEY_EXPIRES_AT));
    }

    /** The scopes of the key that made this request (not all that its account's role allows). */
    public Set<Scope> scopes() {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (identity.hasRole(scope.role())) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** Whether the caller may see something made by this account: its author, or an admin. */
    public boolean maySee(UUID authorId) {
        return isAdmin() || accountId().equals(authorId);
    }
}
