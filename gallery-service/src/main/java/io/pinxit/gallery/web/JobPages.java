package io.pinxit.gallery.web;

import static io.pinxit.gallery.web.GatewayJobs.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.JobState;
import io.pinxit.gallery.security.BrowserSession;
import io.pinxit.gallery.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * What a signed-in person can do from an artwork's page, through the gateway's API with their own key: ask for a
 * larger copy, for variations (of a VAE's picture), for it painted in a saved style, or re-run the job that made it;
 * and follow that job until its pictures are made. The gateway decides what is allowed; its problems are shown as
 * pages with the same status. Every form carries its session's token ({@code csrf}): a post without it, such as one
 * another site makes the browser send, submits nothing.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class JobPages {

    private static final int VARIATIONS = 4;
    private static final int PAINTED_SIZE = 512;

    private final GatewayJobs gateway;
    private final ObjectMapper json;
    private final Viewer viewer;

    JobPages(@RestClient GatewayJobs gateway, ObjectMapper json, Viewer viewer) {
        this.gateway = gateway;
        this.json = json;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance job(GatewayJobs.Job job, boolean finished);

        static native TemplateInstance jobs(List<GatewayJobs.Job> jobs, boolean finished, String olderHref);
    }

    @POST
    @Path("artworks/{id}/upscale")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response upscale(@RestPath UUID id, @RestForm int factor, @RestForm String csrf) {
        return submitted(csrf, key -> gateway.upscale(bearer(key), Map.of("artworkId", id, "factor", factor)));
    }

    /** Four variations of a VAE's picture, straying from it by the chosen strength. */
    @POST
    @Path("artworks/{id}/variations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vary(@RestPath UUID id, @RestForm String model, @RestForm double strength,
                         @RestForm String csrf) {
        return submitted(csrf, key -> gateway.generate(bearer(key),
                Map.of("model", model, "count", VARIATIONS, "variationOf", id, "strength", strength)));
    }

    /** The artwork painted in a saved style in one pass, by the style's fast network (see {@link FastStyles}). */
    @POST
    @Path("artworks/{id}/style-transfers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response paint(@RestPath UUID id, @RestForm @DefaultValue("") String styleId, @RestForm String csrf) {
        return submitted(csrf, key -> gateway.transferStyle(bearer(key), Map.of("content", Map.of("artworkId", id),
                "style", Map.of("styleId", styleId), "size", PAINTED_SIZE, "method", "fast")));
    }

    @POST
    @Path("artworks/{id}/reproduce")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reproduce(@RestPath UUID id, @RestForm String csrf) {
        return submitted(csrf, key -> gateway.reproduce(bearer(key), id));
    }

    /** A job's state; the page reloads itself every two seconds until the job has finished. */
    @GET
    @Path("jobs/{id}")
    public Response job(@RestPath UUID id) {
        return answered(key -> {
            GatewayJobs.Job job = gateway.job(bearer(key), id);
            boolean finished = JobState.valueOf(job.state()).isTerminal();
            return Response.ok(Templates.job(job, finished)).build();
        });
    }

    /** The signed-in person's jobs, newest first; the page reloads itself every two seconds while one is unfinished. */
    @GET
    @Path("jobs")
    public Response jobs(@RestQuery String cursor) {
        return answered(key -> {
            GatewayJobs.JobPage page = gateway.jobs(bearer(key), cursor);
            boolean finished = page.items().stream().allMatch(job -> JobState.valueOf(job.state()).isTerminal());
            String olderHref = page.next() == null ? null : "/jobs?cursor=" + page.next();
            return Response.ok(Templates.jobs(page.items(), finished, olderHref)).build();
        });
    }

    private Response submitted(String formToken, Function<String, GatewayJobs.Job> submit) {
        if (!viewer.acceptsForm(formToken)) {
            return Refusals.outOfDateForm("nothing was submitted");
        }
        return answered(key -> Response.seeOther(URI.create("/jobs/" + submit.apply(key).id())).build());
    }

    private Response answered(Function<String, Response> call) {
        Optional<BrowserSession> session = viewer.session();
        if (session.isEmpty()) {
            return Refusals.page(401, "Sign in first", "Jobs are made with your API key: sign in, then try again.");
        }
        try {
            return call.apply(session.get().key());
        } catch (WebApplicationException e) {
            Response answer = e.getResponse();
            return Refusals.page(answer.getStatus(), "The gateway refused", detailOf(answer));
        } catch (ProcessingException e) {
            return Refusals.page(503, "The gateway does not answer", "Nothing was submitted; try again shortly.");
        }
    }

    private String detailOf(Response answer) {
        try {
            JsonNode problem = json.readTree(answer.readEntity(String.class));
            return problem.path("detail").asText(problem.path("title").asText("No reason was given."));
        } catch (RuntimeException | IOException e) {
            return "No reason was given.";
        }
    }
}
