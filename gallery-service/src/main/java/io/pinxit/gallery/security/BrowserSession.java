package io.pinxit.gallery.security;

/**
 * A browser signed in to the gallery: its session's opaque id (the cookie's value) and the API key it acts with at the
 * gateway, which never leaves the server.
 */
public record BrowserSession(String id, String key) {

    /** The token every state-changing form of this session carries, so that another site cannot post one. */
    public String formToken() {
        return SessionSecrets.formToken(id);
    }

    public boolean isFormToken(String candidate) {
        return SessionSecrets.sameToken(formToken(), candidate);
    }

    @Override
    public String toString() {
        return "BrowserSession[secrets withheld]";
    }
}
