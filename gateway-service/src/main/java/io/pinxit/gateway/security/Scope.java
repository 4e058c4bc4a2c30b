package io.pinxit.gateway.security;

import io.pinxit.apikeys.ScopeRoles;
import java.util.Arrays;
import java.util.Optional;

/** What one API key may do; a key never has more than its account's role allows. */
public enum Scope {
    JOBS_SUBMIT("jobs:submit", Role.USER),
    JOBS_READ("jobs:read", Role.USER),
    /** Issuing, listing and revoking the account's own keys. */
    KEYS_MANAGE("keys:manage", Role.USER),
    ACCOUNTS_ADMIN("accounts:admin", Role.ADMIN),
    /** Acting on every account's jobs, styles and artworks, and operating the pipeline (dead letters, replays). */
    JOBS_ADMIN(ScopeRoles.JOBS_ADMIN, Role.ADMIN);

    private final String value;
    private final Role requiredRole;

    Scope(String value, Role requiredRole) {
        this.value = value;
        this.requiredRole = requiredRole;
    }

    public String value() {
        return value;
    }

    /** The security role of a request whose key holds this scope. */
    public String role() {
        return ScopeRoles.of(value);
    }

    public boolean allowedFor(Role role) {
        return requiredRole == Role.USER || role == Role.ADMIN;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
