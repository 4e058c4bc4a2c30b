package io.pinxit.gallery.web;

import io.pinxit.apikeys.KeySecrets;
import io.pinxit.gallery.security.KeyOwners;
import io.pinxit.gallery.security.SignInCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing a browser in with an API key (the gateway's only credential), so that a person sees their own unlisted
 * and private artworks in the pages too; and signing it out again.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final KeyOwners owners;

    SignInPage(KeyOwners owners) {
        this.owners = owners;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String message);
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form() {
        return Templates.signIn(null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String key, @Context UriInfo uri) {
        String candidate = key == null ? "" : key.strip();
        if (!KeySecrets.looksLikeKey(candidate)) {
            return refused(Response.Status.BAD_REQUEST, "That is not a Pinxit API key: keys start with pxk_.");
        }
        try {
            owners.ownerOf(KeySecrets.hash(candidate), candidate);
        } catch (WebApplicationException e) {
            return refused(Response.Status.UNAUTHORIZED, "The gateway does not know this key, or it was revoked.");
        } catch (ProcessingException e) {
            return refused(Response.Status.SERVICE_UNAVAILABLE,
                    "The key cannot be checked right now because the gateway does not answer; try again shortly.");
        }
        return Response.seeOther(URI.create("/"))
                .cookie(SignInCookie.signIn(candidate, isHttps(uri)))
                .build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/")).cookie(SignInCookie.signOut(isHttps(uri))).build();
    }

    private static Response refused(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.signIn(message)).build();
    }

    private static boolean isHttps(UriInfo uri) {
        return "https".equals(uri.getRequestUri().getScheme());
    }
}
