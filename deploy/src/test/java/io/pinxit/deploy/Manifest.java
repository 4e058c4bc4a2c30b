package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One YAML document from a file under deploy/kubernetes. */
record Manifest(Path file, JsonNode body) {

    String apiVersion() {
        return body.path("apiVersion").asText();
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return body.path("metadata").path("name").asText();
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + DeployTree.KUBERNETES.relativize(file) + ")";
    }
}
