package io.pinxit.gallery.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that presents a key is answered about that key first: an unknown, revoked or expired one is 401 on every
 * operation, not only on those whose answer depends on who asks, so that a client learns at once that its key no
 * longer works, as at the gateway. (Identities are otherwise resolved only where an answer needs one.)
 */
public class PresentedKeys {

    private final CurrentIdentityAssociation identities;

    PresentedKeys(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> checkThePresentedKey(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
