package io.pinxit.gateway.security;

import io.pinxit.apikeys.KeySecrets;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Makes accounts and their keys, and revokes keys. A key's secret leaves the gateway once, in the answer. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    private final AccountStore store;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Accounts(AccountStore store, TimeOrderedIds ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** A key as it is shown the one time it is made. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    /** An account as it is made, with its first key. */
    public record NewAccount(Account account, IssuedKey firstKey) {
    }

    @Transactional
    public NewAccount create(String name, Role role) {
        var account = new Account(ids.next(), name, role, clock.instant());
        try {
            store.insert(account);
        } catch (DuplicateAccountException e) {
            throw new ProblemException(Problem.of(GatewayProblems.ACCOUNT_EXISTS,
                    "An account named '" + name + "' exists already",
                    List.of(new Problem.FieldError("name", "is taken"))));
        }
        return new NewAccount(account, issue(account, "first key", allScopesOf(role), null));
    }

    /** A new key of the account with these scopes, valid until {@code expiresAt} (null: until revoked). */
    @Transactional
    public IssuedKey issue(Account account, String name, Set<Scope> scopes, Instant expiresAt) {
        Set<Scope> refused = scopes.stream().filter(scope -> !scope.allowedFor(account.role()))
                .collect(Collectors.toSet());
        if (!refused.isEmpty()) {
            String message = "are not allowed for a " + account.role() + " account: "
                    + refused.stream().map(Scope::value).sorted().collect(Collectors.joining(", "));
            throw new ProblemException(Problem.of(GatewayProblems.SCOPE_NOT_ALLOWED, "scopes " + message,
                    List.of(new Problem.FieldError("scopes", message))));
        }
        String secret = KeySecrets.newSecret();
        var key = new ApiKey(ids.next(), account.id(), name, scopes, clock.instant(), expiresAt, null);
        store.insert(key, KeySecrets.hash(secret));
        return new IssuedKey(key, secret);
    }

    /**
     * Makes sure the given secret is an admin key, creating the admin account on first use: how a fresh
     * installation gets its first key. A bootstrap key that was revoked stays revoked (a restart must not revive it,
     * nor fail on it); configuring another secret rotates it.
     */
    @Transactional
    public void ensureAdminKey(String adminName, String secret) {
        if (store.isIssued(KeySecrets.hash(secret))) {
            if (store.findActiveKey(KeySecrets.hash(secret)).isEmpty()) {
                LOG.warn("The configured bootstrap admin key was revoked and stays revoked; configure a new one to "
                        + "rotate it, or none");
            }
            return;
        }
        Account admin = store.findAccountByName(adminName).orElseGet(() -> {
            var account = new Account(ids.next(), adminName, Role.ADMIN, clock.instant());
            store.insert(account);
            return account;
        });
        var key = new ApiKey(ids.next(), admin.id(), "bootstrap", allScopesOf(Role.ADMIN), clock.instant(), null, null);
        store.insert(key, KeySecrets.hash(secret));
    }

    /** Sets the account's own limit of open jobs (null: the gateway's default). */
    /** Gives the account its own limits of open jobs and of requests a minute; null: the gateway's defaults. */
    public void setLimits(UUID accountId, Integer openJobs, Integer requestsPerMinute) {
        if (!store.setLimits(accountId, openJobs, requestsPerMinute)) {
            throw new ProblemException(Problem.of(GatewayProblems.ACCOUNT_NOT_FOUND, "There is no account " + accountId));
        }
    }

    public List<ApiKey> keysOf(UUID accountId) {
        return store.keysOf(accountId);
    }

    public void revoke(UUID keyId, UUID accountId) {
        if (!store.revoke(keyId, accountId, clock.instant())) {
            throw new ProblemException(Problem.of(GatewayProblems.KEY_NOT_FOUND,
                    "You have no active key " + keyId));
        }
    }

    private static Set<Scope> allScopesOf(Role role) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (scope.allowedFor(role)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }
}
