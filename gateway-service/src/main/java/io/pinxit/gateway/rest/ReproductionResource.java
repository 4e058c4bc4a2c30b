package io.pinxit.gateway.rest;

import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.Author;
import io.pinxit.gateway.service.JobSubmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Tag(name = "Jobs")
@Path("/api/v1/artworks/{id}/reproduce")
@Produces(MediaType.APPLICATION_JSON)
public class ReproductionResource {

    private final JobSubmission submission;
    private final JobViews views;
    private final Caller caller;

    ReproductionResource(JobSubmission submission, JobViews views, Caller caller) {
        this.submission = submission;
        this.views = views;
        this.caller = caller;
    }

    @Operation(operationId = "reproduceArtwork", summary = "Reproduce an artwork",
            description = "Re-runs the recorded job that made the artwork; the job's `reproduction` then says "
                + "whether the new pixels are identical to the stored ones.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @RolesAllowed("scope:jobs:submit")
    public Response reproduce(@RestPath UUID id) {
        var author = new Author(caller.accountId(), caller.name());
        JobView view = views.of(submission.submitReproduction(id, author, caller.isAdmin()).job());
        return Response.accepted(view).location(URI.create(view.links().get("self"))).build();
    }
}
