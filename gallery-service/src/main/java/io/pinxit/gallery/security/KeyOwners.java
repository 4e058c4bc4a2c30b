package io.pinxit.gallery.security;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Whose a key is, asked of the gateway and remembered briefly (see the cache's expiry in application.properties),
 * which bounds how long a revoked key still reads here.
 */
@ApplicationScoped
public class KeyOwners {

    private final GatewayAccounts gateway;

    KeyOwners(@RestClient GatewayAccounts gateway) {
        this.gateway = gateway;
    }

    /** Cached by the key's hash, so that no secret is kept as a cache key. */
    @CacheResult(cacheName = "api-key-owners")
    public GatewayAccounts.Caller ownerOf(@CacheKey String keyHash, String key) {
        return gateway.me("Bearer " + key);
    }
}
