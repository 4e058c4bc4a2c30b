package io.pinxit.gallery.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Set;

/**
 * Lets a person browse as their account: after signing in, the browser holds a session's opaque id in an HttpOnly,
 * SameSite=Strict cookie, and every page request carries it. A session that ended, or whose key stopped working, leaves
 * the page anonymous rather than failing it; an {@code Authorization} header takes precedence.
 */
@ApplicationScoped
public class SessionCookie implements HttpAuthenticationMechanism {

    public static final String NAME = "pinxit_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        Cookie cookie = context.request().getCookie(NAME);
        if (cookie == null || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviders.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new SessionAuthenticationRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    /** The cookie that signs a browser in to {@code session}; Secure when the page was served over HTTPS. */
    public static NewCookie of(BrowserSession session, Duration lifetime, boolean secure) {
        return cookie(session.id(), (int) lifetime.toSeconds(), secure);
    }

    /** The cookie that signs a browser out again. */
    public static NewCookie ended(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
