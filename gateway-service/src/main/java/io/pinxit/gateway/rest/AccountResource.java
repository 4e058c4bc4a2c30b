package io.pinxit.gateway.rest;

import io.pinxit.gateway.security.Accounts;
import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.security.Role;
import io.pinxit.gateway.security.Scope;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Tag(name = "Accounts and keys")
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final Accounts accounts;
    private final Caller caller;

    AccountResource(Accounts accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    public record NewAccountRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
            message = "must be 2 to 64 lower-case letters, digits, '.', '_' or '-'") String name, Role role) {
    }

    public record AccountView(UUID id, String name, Role role, KeyResource.IssuedKeyView firstKey) {
    }

    /** Who the caller is, and what the key may do; other services ask this to learn whose key they were given. */
    public record CallerView(UUID id, String name, Role role, List<String> scopes) {
    }

    @Operation(operationId = "getCaller", summary = "Who the caller is",
            description = "The account behind the key of this request: its id, name and role, and the key's "
                + "scopes. Other services ask this to learn whose key they were given and what it may do.")
    @GET
    @Path("me")
    @Authenticated
    public CallerView me() {
        return new CallerView(caller.accountId(), caller.name(), caller.role(),
                caller.scopes().stream().map(Scope::value).sorted().toList());
    }

    @Operation(operationId = "createAccount", summary = "Create an account",
            description = "Makes an account and its first API key, which is shown this once.")
    @APIResponse(responseCode = "201", description = "Created: the account and its first key, its secret shown once",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("scope:accounts:admin")
    public Response create(@Valid @NotNull NewAccountRequest body) {
        var created = accounts.create(body.name(), body.role() == null ? Role.USER : body.role());
        var view = new AccountView(created.account().id(), created.account().name(), created.account().role(),
                KeyResource.IssuedKeyView.of(created.firstKey()));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** What an account may have the platform do; null: the gateway's default. */
    public record Limits(@Min(0) Integer openJobs, @Min(1) Integer requestsPerMinute) {
    }

    @Operation(operationId = "setAccountLimits", summary = "Set an account's limits",
            description = "Gives the account its own limits, replacing both: how many jobs it may have open (queued "
                + "or running) at once, and how many requests it may make to each gateway a minute. A null or "
                + "omitted limit is the gateway's default (pinxit.gateway.quotas.open-jobs, "
                + "pinxit.gateway.quotas.requests-per-minute). A submission beyond the first is 429 "
                + "too-many-open-jobs, a request beyond the second 429 too-many-requests, each with Retry-After.")
    @PUT
    @Path("{id}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("scope:accounts:admin")
    public Limits setLimits(@RestPath UUID id, @Valid @NotNull Limits body) {
        accounts.setLimits(id, body.openJobs(), body.requestsPerMinute());
        return body;
    }
}
