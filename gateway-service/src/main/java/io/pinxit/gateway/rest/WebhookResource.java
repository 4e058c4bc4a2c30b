package io.pinxit.gateway.rest;

import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.Webhooks;
import io.pinxit.gateway.service.Webhooks.Webhook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's webhook: one URL that hears every change of state of their jobs. */
@Tag(name = "Accounts and keys")
@Path("/api/v1/accounts/me/webhook")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final Caller caller;

    WebhookResource(Webhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** Where to call by default (an https URL of a public host), if anywhere. */
    public record WebhookRequest(String url) {
    }

    @Operation(operationId = "registerWebhook", summary = "Register my webhook",
            description = "Registers (or replaces) the caller's webhook: a new signing secret, shown in this answer "
                + "only, and optionally a default URL that hears every change of state of the caller's jobs "
                + "that name no webhook of their own (a job's \"webhook\" field; that needs this secret). "
                + "Each change is a POST of {type, timestamp, data} (type job.running, job.succeeded, "
                + "job.failed, job.cancelled or job.queued; data the job as it then was), signed as Standard "
                + "Webhooks ask (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 with the "
                + "secret). A URL must be https and name a public host; a receiver that does not answer 2xx "
                + "within 5 s is called again with backoff for a day.")
    @APIResponse(responseCode = "200", description = "Registered: the webhook with its secret, shown this once")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("scope:jobs:submit")
    public Webhook register(@Valid @NotNull WebhookRequest body) {
        return webhooks.register(caller.accountId(), body.url());
    }

    @Operation(operationId = "getWebhook", summary = "Get my webhook",
            description = "The caller's webhook, without its secret.")
    @GET
    @RolesAllowed("scope:jobs:read")
    public Webhook webhook() {
        return webhooks.of(caller.accountId());
    }

    @Operation(operationId = "removeWebhook", summary = "Remove my webhook",
            description = "Removes the caller's webhook; deliveries not yet made are given up.")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @RolesAllowed("scope:jobs:submit")
    public Response remove() {
        webhooks.remove(caller.accountId());
        return Response.noContent().build();
    }
}
