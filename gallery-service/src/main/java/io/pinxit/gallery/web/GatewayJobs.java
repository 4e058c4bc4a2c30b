package io.pinxit.gallery.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's job API, called on behalf of a signed-in person with their own key. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1")
public interface GatewayJobs {

    /** A job as the gateway shows it; only what the pages need. */
    record Job(UUID id, String kind, String state, List<UUID> artworkIds, Map<String, Object> reproduction,
               Map<String, Object> failure) {
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
    @Path("artworks/{id}/reproduce")
    Job reproduce(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID artworkId);

    @GET
    @Path("jobs/{id}")
    Job job(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID jobId);
}
