package io.pinxit.gateway.security;

import io.pinxit.apikeys.KeySecrets;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;

/** Turns an API key into the identity of its account, with the account's role and the key's scopes as roles. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String ACCOUNT_ID = "pinxit.account-id";
    static final String KEY_EXPIRES_AT = "pinxit.key-expires-at";
    static final String REQUESTS_PER_MINUTE = "pinxit.requests-per-minute";

    private final AccountStore accounts;
    private final Clock clock;

    ApiKeyIdentityProvider(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> {
            if (!KeySecrets.looksLikeKey(secret)) {
                throw new AuthenticationFailedException("The bearer token is not a Pinxit API key");
            }
            var owner = accounts.findActiveKey(KeySecrets.hash(secret))
                    .filter(found -> !found.key().hasExpiredAt(clock.instant()))
                    .orElseThrow(() -> new AuthenticationFailedException("The API key is unknown, revoked or expired"));
            var identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(owner.account().name()))
                    .addRole(owner.account().role().name().toLowerCase(Locale.ROOT))
                    .addAttribute(ACCOUNT_ID, owner.account().id());
            owner.key().scopes().forEach(scope -> identity.addRole(scope.role()));
            if (owner.key().expiresAt() != null) {
                identity.addAttribute(KEY_EXPIRES_AT, owner.key().expiresAt());
            }
            if (owner.requestsPerMinute() != null) {
                identity.addAttribute(REQUESTS_PER_MINUTE, owner.requestsPerMinute());
            }
            return identity.build();
        });
    }
}
