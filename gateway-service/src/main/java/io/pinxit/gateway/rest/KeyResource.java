package io.pinxit.gateway.rest;

import io.pinxit.gateway.security.Account;
import io.pinxit.gateway.security.Accounts;
import io.pinxit.gateway.security.ApiKey;
import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.security.Scope;
import io.pinxit.gateway.service.GatewayProblems;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The caller's own API keys: issuing, listing and revoking them takes the scope keys:manage. */
@Tag(name = "Accounts and keys")
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("scope:keys:manage")
public class KeyResource {

    private final Accounts accounts;
    private final Caller caller;
    private final Clock clock;

    KeyResource(Accounts accounts, Caller caller, Clock clock) {
        this.accounts = accounts;
        this.caller = caller;
        this.clock = clock;
    }

    public record NewKeyRequest(
            @NotBlank @Size(max = 100) String name,
            List<String> scopes,
            @Schema(description = "When the key stops working (RFC 3339). Omitted: when the calling key does, or "
                    + "never if it does not expire. Never later than the calling key's expiry.")
            Instant expiresAt) {
    }

    public record KeyView(UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
                          Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.scopes().stream().map(Scope::value).sorted().toList(),
                    key.createdAt(), key.expiresAt(), key.revokedAt());
        }
    }

    /** A new key; {@code secret} appears in this answer only and is never stored. */
    public record IssuedKeyView(UUID id, String name, List<String> scopes, Instant expiresAt, String secret) {
        static IssuedKeyView of(Accounts.IssuedKey issued) {
            var view = KeyView.of(issued.key());
            return new IssuedKeyView(view.id(), view.name(), view.scopes(), view.expiresAt(), issued.secret());
        }
    }

    @Operation(operationId = "issueKey", summary = "Issue an API key",
            description = "Issues a new API key for the caller's account with the scopes asked for (those of the "
                + "calling key when none are named), expiring when asked (when the calling key does, by default). A "
                + "key passes on at most what it holds, and for no longer than it lives. The secret appears in this "
                + "answer only and is never stored.")
    @APIResponse(responseCode = "201", description = "Issued: the key with its secret, shown this once",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Valid @NotNull NewKeyRequest body) {
        Set<Scope> scopes = body.scopes() == null ? caller.scopes() : parse(body.scopes());
        requireHeldByTheCallingKey(scopes);
        Instant expiresAt = body.expiresAt() == null ? caller.keyExpiresAt().orElse(null) : body.expiresAt();
        requireWithinTheCallingKeysLife(expiresAt);
        var account = new Account(caller.accountId(), caller.name(), caller.role(), null);
        var issued = accounts.issue(account, body.name(), scopes, expiresAt);
        return Response.status(Response.Status.CREATED).entity(IssuedKeyView.of(issued)).build();
    }

    @Operation(operationId = "listKeys", summary = "List my API keys",
            description = "The caller's API keys, revoked ones included, without their secrets.")
    @GET
    public List<KeyView> list() {
        return accounts.keysOf(caller.accountId()).stream().map(KeyView::of).toList();
    }

    @Operation(operationId = "revokeKey", summary = "Revoke an API key",
            description = "Revokes one of the caller's keys: every request made with it is refused from then on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("{id}")
    public Response revoke(@RestPath UUID id) {
        accounts.revoke(id, caller.accountId());
        return Response.noContent().build();
    }

    /** A key passes on at most what it holds: a read-only key cannot mint itself a key that submits or administers. */
    private void requireHeldByTheCallingKey(Set<Scope> scopes) {
        Set<Scope> missing = EnumSet.noneOf(Scope.class);
        missing.addAll(scopes);
        missing.removeAll(caller.scopes());
        if (!missing.isEmpty()) {
            String message = "are not held by the key that asks: "
                    + missing.stream().map(Scope::value).sorted().collect(Collectors.joining(", "));
            throw new ProblemException(Problem.of(GatewayProblems.SCOPE_NOT_ALLOWED, "scopes " + message,
                    List.of(new Problem.FieldError("scopes", message))));
        }
    }

    /** A key cannot outlive the key that issues it, nor be born expired. */
    private void requireWithinTheCallingKeysLife(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ProblemException.invalidField("expiresAt", "is not in the future");
        }
        caller.keyExpiresAt().filter(limit -> expiresAt == null || expiresAt.isAfter(limit)).ifPresent(limit -> {
            throw ProblemException.invalidField("expiresAt", "is later than the calling key's expiry, " + limit);
        });
    }

    private static Set<Scope> parse(List<String> values) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.parse(value).orElseThrow(() -> new ProblemException(Problem.of(
                    ProblemTypes.INVALID_REQUEST, "Unknown scope '" + value + "'",
                    List.of(new Problem.FieldError("scopes", "'" + value + "' is not one of "
                            + EnumSet.allOf(Scope.class).stream().map(Scope::value).toList()))))));
        }
        return scopes;
    }
}
