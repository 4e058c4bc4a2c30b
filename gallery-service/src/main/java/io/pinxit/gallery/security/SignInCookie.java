package io.pinxit.gallery.security;

import io.pinxit.apikeys.KeySecrets;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
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
 * Lets a person browse as their account: the sign-in page puts their API key in an HttpOnly, SameSite=Strict
 * cookie, and every page request carries it to the same identity provider as a bearer key. A key that stopped
 * working leaves the page anonymous rather than failing it; an {@code Authorization} header takes precedence.
 */
@ApplicationScoped
public class SignInCookie implements HttpAuthenticationMechanism {

    public static final String NAME = "pinxit_key";
    private static final Duration LIFETIME = Duration.ofHours(8);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        Cookie cookie = context.request().getCookie(NAME);
        if (cookie == null || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || !KeySecrets.looksLikeKey(cookie.getValue())) {
            return Uni.createFrom().nullItem();
        }
        var credential = new TokenCredential(cookie.getValue(), "cookie");
        return identityProviders.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenAuthenticationRequest(credential), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** The cookie that signs a browser in with {@code key}; Secure when the page was served over HTTPS. */
    public static NewCookie signIn(String key, boolean secure) {
        return cookie(key, (int) LIFETIME.toSeconds(), secure);
    }

    /** The cookie that signs a browser out again. */
    public static NewCookie signOut(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
