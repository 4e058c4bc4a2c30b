package io.pinxit.gallery.web;

import io.pinxit.contracts.Reproduction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's job API and its style library, called on behalf of a signed-in person with their own key. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1")
public interface GatewayJobs {

    /** A job as the gateway shows it; only what the pages need. */
    record Job(UUID id, String kind, String state, List<UUID> artworkIds, Reproduction reproduction,
               Map<String, Object> failure, Instant createdAt) {
    }

    /** One page of the caller's jobs, newest first; {@code next} is the cursor of the following page. */
    record JobPage(List<Job> items, String next) {
    }

    /** A saved style as the library shows it; {@code fastStyle} is null until it has a fast style network. */
    record Style(UUID id, String name, Credit credit, Map<String, Object> fastStyle) {
    }

    /** Whom every picture made with a style credits. */
    record Credit(String attribution, String source, String licence) {
    }

    /** One page of the style library, newest first. */
    record StylePage(List<Style> items) {
    }

    @POST
    @Path("jobs/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    Job generate(@HeaderParam("Authorization") String authorization, Map<String, Object> request);

    @POST
    @Path("jobs/upscales")
    @Consumes(MediaType.APPLICATION_JSON)
    Job upscale(@HeaderParam("Authorization") String authorization, Map<String, Object> request);

    @POST
    @Path("jobs/style-transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    Job transferStyle(@HeaderParam("Authorization") String authorization, Map<String, Object> request);

    @POST
    @Path("artworks/{id}/reproduce")
    Job reproduce(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID artworkId);

    @GET
    @Path("jobs/{id}")
    Job job(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID jobId);

    @GET
    @Path("jobs")
    JobPage jobs(@HeaderParam("Authorization") String authorization, @QueryParam("cursor") String cursor);

    @GET
    @Path("styles")
    StylePage styles(@HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit);

    /** The {@code Authorization} header that calls the gateway as the owner of {@code key}. */
    static String bearer(String key) {
        return "Bearer " + key;
    }
}
