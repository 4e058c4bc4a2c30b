package io.pinxit.gateway.security;

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
    JOBS_ADMIN("jobs:admin", Role.ADMIN);

    /** Security roles carry scopes with this prefix, so resources can say {@code @RolesAllowed("scope:jobs:submit")}. */
    public static final String ROLE_PREFIX = "scope:";

    private final String value;
    private final Role requiredRole;

    Scope(String value, Role requiredRole) {
        this.value = value;
        this.requiredRole = requiredRole;
    }

    public String value() {
        return value;
    }

    public boolean allowedFor(Role role) {
        return requiredRole == Role.USER || role == Role.ADMIN;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
