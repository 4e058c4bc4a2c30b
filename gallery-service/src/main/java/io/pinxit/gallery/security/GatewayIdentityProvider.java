package io.pinxit.gallery.security;

import io.pinxit.apikeys.ScopeRoles;
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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;

/** Turns an API key into its account by asking the gateway, which alone knows keys. */
@ApplicationScoped
public class GatewayIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String ACCOUNT_ID = "pinxit.account-id";

    private final KeyOwners owners;

    GatewayIdentityProvider(KeyOwners owners) {
        this.owners = owners;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = request.getToken().getToken();
        return context.runBlocking(() -> {
            if (!KeySecrets.looksLikeKey(key)) {
                throw new AuthenticationFailedException("The bearer token is not a Pinxit API key");
            }
            GatewayAccounts.Caller caller;
            try {
                caller = owners.ownerOf(KeySecrets.hash(key), key);
            } catch (WebApplicationException e) {
                throw new AuthenticationFailedException("The API key is unknown, revoked or expired");
            } catch (ProcessingException e) {
                throw new AuthenticationFailedException("The API key cannot be checked right now; try again later");
            }
            var identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.name()))
                    .addRole(caller.role().toLowerCase(Locale.ROOT))
                    .addAttribute(ACCOUNT_ID, caller.id());
            caller.scopes().forEach(scope -> identity.addRole(ScopeRoles.of(scope)));
            return identity.build();
        });
    }
}
