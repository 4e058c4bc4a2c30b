package io.pinxit.gateway.rest;

import io.pinxit.apikeys.ScopeRoles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Names in the OpenAPI document the key scope each operation needs. Quarkus lists an operation's allowed roles
 * ({@code scope:jobs:read}) in its security requirement, where OpenAPI expects OAuth2 scopes; an API key is a plain
 * bearer token, so the requirement is left bare and the scopes go into the description and {@code x-pinxit-scopes}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ScopesInOpenApi implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            return operation;
        }
        List<String> scopes = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .flatMap(List::stream)
                .filter(role -> role.startsWith(ScopeRoles.PREFIX))
                .map(role -> role.substring(ScopeRoles.PREFIX.length()))
                .distinct().toList();
        List<SecurityRequirement> bare = operation.getSecurity().stream()
                .map(requirement -> {
                    SecurityRequirement keyOnly = OASFactory.createSecurityRequirement();
                    requirement.getSchemes().keySet().forEach(keyOnly::addScheme);
                    return keyOnly;
                }).toList();
        operation.setSecurity(bare);
        if (!scopes.isEmpty()) {
            String needs = "Needs an API key with the scope " + String.join(" or ", scopes.stream()
                    .map(scope -> "`" + scope + "`").toList()) + ".";
            String description = operation.getDescription();
            operation.setDescription(description == null ? needs : description + " " + needs);
            operation.addExtension("x-pinxit-scopes", scopes);
        }
        return operation;
    }
}
