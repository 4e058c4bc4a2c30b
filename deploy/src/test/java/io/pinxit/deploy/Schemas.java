package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' CustomResourceDefinitions in deploy/schemas/crds: the schema of every served version, by apiVersion
 * and kind, closed the way the API server's strict field validation reads them (a field a schema does not declare is
 * an error, not silently pruned).
 */
final class Schemas {

    static final Path CRDS = DeployTree.DEPLOY.resolve("schemas/crds");

    private static final Map<String, JsonSchema> SCHEMAS = load();

    private Schemas() {
    }

    /** The schema of a custom resource's apiVersion and kind, if an operator of deploy/schemas serves it. */
    static Optional<JsonSchema> of(String apiVersion, String kind) {
        return Optional.ofNullable(SCHEMAS.get(apiVersion + " " + kind));
    }

    private static Map<String, JsonSchema> load() {
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        var schemas = new HashMap<String, JsonSchema>();
        for (var file : DeployTree.yamlFiles(CRDS)) {
            for (Manifest crd : DeployTree.read(file)) {
                JsonNode spec = crd.body().path("spec");
                String group = spec.path("group").asText();
                String kind = spec.path("names").path("kind").asText();
                for (JsonNode version : spec.path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = close(version.path("schema").path("openAPIV3Schema").deepCopy());
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind, factory.getSchema(schema));
                    }
                }
            }
        }
        return schemas;
    }

    /** Forbids fields an object schema does not list, unless it keeps unknown fields on purpose. */
    private static JsonNode close(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        schema.forEach(Schemas::close);
        return schema;
    }
}
