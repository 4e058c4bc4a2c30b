package io.pinxit.gallery.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What the gallery answers depends on who asks: with a key or signed in, listings, pages and lineages hold the
 * viewer's own unlisted and private work. So every answer tells caches that it varies with the credentials, and an
 * answer to a viewer with credentials is private to their browser and not stored. Answers that say how to cache them
 * (the immutable pictures) keep what they say.
 */
public class CachingByViewer {

    /** What every answer that depends on the viewer varies with. */
    public static final String VARIES_WITH_CREDENTIALS = HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.COOKIE;

    @ServerResponseFilter
    public void cacheByViewer(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        if (headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        headers.putSingle(HttpHeaders.VARY, VARIES_WITH_CREDENTIALS);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey(SessionCookie.NAME)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }
}
