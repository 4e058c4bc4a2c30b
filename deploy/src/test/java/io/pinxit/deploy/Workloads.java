package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the parts of a Deployment the tests look at. */
final class Workloads {

    private Workloads() {
    }

    static JsonNode podSpec(Manifest deployment) {
        return deployment.body().path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(Manifest deployment) {
        return deployment.body().path("spec").path("template").path("metadata").path("labels");
    }

    static List<JsonNode> containers(Manifest deployment) {
        var containers = new ArrayList<JsonNode>();
        podSpec(deployment).path("containers").forEach(containers::add);
        return containers;
    }

    /** The service's own container: the one named like the Deployment. */
    static JsonNode container(Manifest deployment) {
        return containers(deployment).stream()
                .filter(c -> c.path("name").asText().equals(deployment.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " has no container named " + deployment.name()));
    }

    /** The service module whose image a container runs: pinxit/NAME:TAG. */
    static String service(JsonNode container) {
        String image = container.path("image").asText();
        return image.substring(image.indexOf('/') + 1, image.lastIndexOf(':'));
    }

    /** The container's environment by variable name. */
    static Map<String, JsonNode> env(JsonNode container) {
        var env = new LinkedHashMap<String, JsonNode>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    static Optional<String> literalEnv(JsonNode container, String name) {
        return Optional.ofNullable(env(container).get(name))
                .filter(e -> e.has("value"))
                .map(e -> e.path("value").asText());
    }

    /** The number of a named container port, as probes and Services refer to it. */
    static Optional<Integer> containerPort(JsonNode container, String portName) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(portName)) {
                return Optional.of(port.path("containerPort").asInt());
            }
        }
        return Optional.empty();
    }

    /** Whether every label of a selector is carried, with the same value, by the labels given. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var label = fields.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** The mount path of every emptyDir volume of the pod, as mounted by the given container. */
    static List<String> emptyDirMounts(Manifest deployment, JsonNode container) {
        var emptyDirs = new ArrayList<String>();
        podSpec(deployment).path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        var mounts = new ArrayList<String>();
        container.path("volumeMounts").forEach(m -> {
            if (emptyDirs.contains(m.path("name").asText()) && !m.path("readOnly").asBoolean(false)) {
                mounts.add(m.path("mountPath").asText());
            }
        });
        return mounts;
    }
}
