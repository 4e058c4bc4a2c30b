package io.pinxit.apikeys;

/**
 * How a key's scopes appear among the security roles of a request, in every service that authenticates keys: the
 * scope with a prefix, so that resources can say {@code @RolesAllowed("scope:jobs:submit")}.
 */
public final class ScopeRoles {

    public static final String PREFIX = "scope:";
    /** The scope with which an administrator's key acts on every account's work. */
    public static final String JOBS_ADMIN = "jobs:admin";
    /** The scope with which a key reads its own account's work, the unlisted and private included. */
    public static final String JOBS_READ = "jobs:read";

    private ScopeRoles() {
    }

    /** The role a key holding {@code scope} has. */
    public static String of(String scope) {
        return PREFIX + scope;
    }
}
