package io.pinxit.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
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

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** The scopes of the key that made this request (not all that its account's role allows). */
    public Set<Scope> scopes() {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (identity.hasRole(Scope.ROLE_PREFIX + scope.value())) {
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
