package io.pinxit.gallery.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway owns accounts and keys; the gallery asks it whose key it was given. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/v1/accounts")
public interface GatewayAccounts {

    /** The caller as the gateway knows it: the account, and what the key may do. */
    record Caller(UUID id, String name, String role, List<String> scopes) {
    }

    @GET
    @Path("me")
    Caller me(@HeaderParam("Authorization") String authorization);
}
