package io.pinxit.gallery.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A page request that names a sign-in session by the id its cookie holds. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    SessionAuthenticationRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    String sessionId() {
        return sessionId;
    }
}
