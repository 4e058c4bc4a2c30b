package io.pinxit.gallery.security;

import io.pinxit.catalog.CatalogException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a sign-in session into the account of the key it acts with. The key is checked at the gateway like a bearer
 * key, so a session ends with its key: revoked or expired, it signs nothing in any more.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    static final String SESSION = "pinxit.session";

    private final BrowserSessions sessions;
    private final KeyIdentities identities;

    SessionIdentityProvider(BrowserSessions sessions, KeyIdentities identities) {
        this.sessions = sessions;
        this.identities = identities;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            BrowserSession session;
            try {
                session = sessions.find(request.sessionId()).orElseThrow(
                        () -> new AuthenticationFailedException("The session ended or never was"));
            } catch (CatalogException e) {
                throw new AuthenticationFailedException("The session cannot be read right now");
            }
            return identities.identify(session.key()).addAttribute(SESSION, session).build();
        });
    }
}
