package io.pinxit.gallery.security;

import io.pinxit.apikeys.KeySecrets;
import io.pinxit.apikeys.ScopeRoles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;

/**
 * The identity an API key stands for: its account, the account's role and the key's scopes, as the gateway, which
 * alone knows keys, says (through {@link KeyOwners}' brief memory). Blocking: it may ask the gateway.
 */
@ApplicationScoped
class KeyIdentities {

    static final String ACCOUNT_ID = "pinxit.account-id";

    private final KeyOwners owners;

    KeyIdentities(KeyOwners owners) {
        this.owners = owners;
    }

    /** @throws AuthenticationFailedException when the key is unknown, revoked or expired, or cannot be checked */
    QuarkusSecurityIdentity.Builder identify(String key) {
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
        return identity;
    }
}
