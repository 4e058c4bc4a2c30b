package io.pinxit.gallery.security;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The sign-in form's token, before there is a session to bind one to: the page puts a random token both in the form
 * and in an HttpOnly, SameSite=Strict cookie, and a sign-in counts only when the two match (a double-submit cookie).
 * Another site can make a browser post the form, but can neither read the token nor send the cookie with it.
 */
public final class SignInForm {

    public static final String COOKIE = "pinxit_sign_in";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private SignInForm() {
    }

    public static String newToken() {
        return SessionSecrets.newRandom();
    }

    public static NewCookie cookie(String token, boolean secure) {
        return cookie(token, (int) LIFETIME.toSeconds(), secure);
    }

    /** The cookie that clears the token once it signed a browser in. */
    public static NewCookie used(boolean secure) {
        return cookie("", 0, secure);
    }

    /** Whether a posted form's token is the one its page set in this browser. */
    public static boolean isGenuine(String cookieToken, String formToken) {
        return SessionSecrets.looksLikeRandom(cookieToken) && SessionSecrets.sameToken(cookieToken, formToken);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/sign-in").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
