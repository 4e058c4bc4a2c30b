package io.pinxit.gallery.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an API key sent as a bearer token into its account. */
@ApplicationScoped
public class GatewayIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final KeyIdentities identities;

    GatewayIdentityProvider(KeyIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identities.identify(request.getToken().getToken()).build());
    }
}
