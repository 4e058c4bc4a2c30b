package io.pinxit.gallery.web;

import io.pinxit.apikeys.KeySecrets;
import io.pinxit.gallery.security.BrowserSession;
import io.pinxit.gallery.security.BrowserSessions;
import io.pinxit.gallery.security.KeyOwners;
import io.pinxit.gallery.security.SessionCookie;
import io.pinxit.gallery.security.SignInForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing a browser in with an API key (the gateway's only credential), so that a person sees their own unlisted
 * and private artworks in the pages too; and signing it out again. Signing in opens a server-side session: the
 * browser keeps only the session's id. Both forms carry a token, so that no other site can sign a browser in to its
 * own account (login CSRF) or out of its session.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final KeyOwners owners;
    private final BrowserSessions sessions;

    SignInPage(KeyOwners owners, BrowserSessions sessions) {
        this.owners = owners;
        this.sessions = sessions;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String message, String formToken);
    }

    @GET
    @Path("sign-in")
    public Response form(@Context UriInfo uri) {
        return page(Response.Status.OK, null, isHttps(uri));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String key, @RestForm String csrf,
                           @CookieParam(SignInForm.COOKIE) String formCookie, @Context UriInfo uri) {
        boolean secure = isHttps(uri);
        if (!SignInForm.isGenuine(formCookie, csrf)) {
            return page(Response.Status.FORBIDDEN, "This sign-in form is out of date or was sent from another site; "
                    + "nothing was signed in. Sign in from this page again.", secure);
        }
        String candidate = key == null ? "" : key.strip();
        if (!KeySecrets.looksLikeKey(candidate)) {
            return page(Response.Status.BAD_REQUEST, "That is not a Pinxit API key: keys start with pxk_.", secure);
        }
        try {
            owners.ownerOf(KeySecrets.hash(candidate), candidate);
        } catch (WebApplicationException e) {
            return page(Response.Status.UNAUTHORIZED, "The gateway does not know this key, or it was revoked.", secure);
        } catch (ProcessingException e) {
            return page(Response.Status.SERVICE_UNAVAILABLE,
                    "The key cannot be checked right now because the gateway does not answer; try again shortly.",
                    secure);
        }
        BrowserSession session = sessions.open(candidate);
        return Response.seeOther(URI.create("/"))
                .cookie(SessionCookie.of(session, sessions.absoluteTimeout(), secure), SignInForm.used(secure))
                .build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm String csrf, @CookieParam(SessionCookie.NAME) String sessionId,
                            @Context UriInfo uri) {
        Optional<BrowserSession> session = sessions.find(sessionId);
        if (session.isPresent()) {
            if (!session.get().isFormToken(csrf)) {
                return Refusals.outOfDateForm("you are still signed in");
            }
            sessions.close(session.get());
        }
        return Response.seeOther(URI.create("/")).cookie(SessionCookie.ended(isHttps(uri))).build();
    }

    /** The sign-in page with a fresh form token, kept by no cache since it sets the token's cookie. */
    private static Response page(Response.Status status, String message, boolean secure) {
        String token = SignInForm.newToken();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .cacheControl(CacheControl.valueOf("no-store"))
                .cookie(SignInForm.cookie(token, secure))
                .entity(Templates.signIn(message, token)).build();
    }

    private static boolean isHttps(UriInfo uri) {
        return "https".equals(uri.getRequestUri().getScheme());
    }
}
