package io.pinxit.gateway.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * How fast one account may call the gateway: a token bucket per account that holds a minute's worth of requests (the
 * account's own limit, or {@code pinxit.gateway.quotas.requests-per-minute}) and refills evenly. A request beyond it is
 * 429 too-many-requests with Retry-After, before the endpoint does any work. Anonymous requests, and requests whose
 * key is refused, are left to the endpoint. Each gateway keeps its buckets in memory, one per account that called it
 * (accounts are made by administrators, which bounds them), so with N gateways an account may make up to N times
 * its limit.
 */
public class RequestRateLimit {

    private record AccountBucket(int perMinute, Bucket bucket) {
    }

    private final CurrentIdentityAssociation identities;
    private final GatewayConfig config;
    private final Map<UUID, AccountBucket> buckets = new ConcurrentHashMap<>();

    RequestRateLimit(CurrentIdentityAssociation identities, GatewayConfig config) {
        this.identities = identities;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Void> admit() {
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).recoverWithNull()
                .invoke(identity -> {
                    if (identity != null && !identity.isAnonymous()) {
                        take(identity);
                    }
                })
                .replaceWithVoid();
    }

    private void take(SecurityIdentity identity) {
        Integer own = identity.getAttribute(ApiKeyIdentityProvider.REQUESTS_PER_MINUTE);
        int perMinute = own != null ? own : config.quotas().requestsPerMinute();
        UUID account = identity.getAttribute(ApiKeyIdentityProvider.ACCOUNT_ID);
        ConsumptionProbe probe = bucketOf(account, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
            throw new ProblemException(Problem.of(GatewayProblems.TOO_MANY_REQUESTS, "The account may make "
                            + perMinute + " requests a minute to this gateway; try again in " + retryAfter + " s"),
                    Map.of("Retry-After", String.valueOf(retryAfter)), null);
        }
    }

    /** The account's bucket, made anew when an administrator changed its limit. */
    private Bucket bucketOf(UUID account, int perMinute) {
        return buckets.compute(account, (id, current) -> current != null && current.perMinute() == perMinute
                ? current
                : new AccountBucket(perMinute, Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .build())).bucket();
    }
}
