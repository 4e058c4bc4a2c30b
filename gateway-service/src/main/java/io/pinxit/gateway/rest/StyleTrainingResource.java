package io.pinxit.gateway.rest;

import static io.pinxit.gateway.rest.AcceptedJobs.IDEMPOTENCY_KEY;
import static io.pinxit.gateway.rest.AcceptedJobs.IDEMPOTENCY_KEY_MESSAGE;

import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.StyleTrainingRequest;
import io.pinxit.gateway.service.StyleTrainings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Tag(name = "Styles")
@Path(StyleResource.PATH + "/{id}/train")
@Produces(MediaType.APPLICATION_JSON)
public class StyleTrainingResource {

    private final StyleTrainings trainings;
    private final AcceptedJobs accepted;
    private final Caller caller;

    StyleTrainingResource(StyleTrainings trainings, AcceptedJobs accepted, Caller caller) {
        this.trainings = trainings;
        this.accepted = accepted;
        this.caller = caller;
    }

    @Operation(operationId = "trainStyle", summary = "Train a fast style network",
            description = "Accepts a job that learns a style the caller owns (an administrator: any style they may "
                + "see) into a fast style network, with the options {\"steps\"?, \"seed\"?}; without a body "
                + "every option takes its default. Retrying with the same Idempotency-Key returns the same "
                + "job.")
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @RolesAllowed("scope:jobs:submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response train(@RestPath UUID id, @Valid StyleTrainingRequest body,
                          @RestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY,
                                  message = IDEMPOTENCY_KEY_MESSAGE) String idempotencyKey) {
        StyleTrainingRequest request = body != null ? body : StyleTrainingRequest.DEFAULTS;
        return accepted.submit(StyleTrainings.identity(id, request), idempotencyKey,
                (author, key) -> trainings.submit(id, request, author, key, caller.isAdmin()));
    }

    /** The same without a body, as a bare {@code POST} sends: every option takes its default. */
    @APIResponse(responseCode = "202", description = "Accepted: the job, queued",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @POST
    @RolesAllowed("scope:jobs:submit")
    public Response trainWithDefaults(@RestPath UUID id, @RestHeader("Content-Length") Long bodyLength,
                                      @RestHeader("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY,
                                              message = IDEMPOTENCY_KEY_MESSAGE) String idempotencyKey) {
        if (bodyLength != null && bodyLength > 0) {
            throw new NotSupportedException("The options of a training are application/json; send them as such, or "
                    + "send no body to take the defaults");
        }
        return train(id, null, idempotencyKey);
    }
}
