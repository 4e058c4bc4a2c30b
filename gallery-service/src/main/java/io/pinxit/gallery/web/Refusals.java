package io.pinxit.gallery.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page a refused request from a page gets: what was refused and why, with the status it is answered with. */
final class Refusals {

    private Refusals() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String title, String detail);
    }

    static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.refused(title, detail)).build();
    }

    /** A form without its session's token: {@code unchanged} says what stays as it was. */
    static Response outOfDateForm(String unchanged) {
        return page(403, "This form is out of date", "It did not carry this session's token, so " + unchanged
                + ": it may come from another site, or from a page older than your sign-in. Reload the page and try"
                + " again.");
    }
}
