package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.podSpec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cluster would give a pod, on this machine: the rendered manifests' environment with every Service name
 * mapped to the loopback address of the real Kafka, PostgreSQL and S3 store that stand in for the operators' ones,
 * the values of the Secrets they name, their volumes, user and limits, as {@code podman run} arguments. The
 * containers share the host's network, so each service listens on its own port as in its pod.
 */
final class ClusterOnThisMachine {

    /** A Service's name in a ConfigMap value: a URL's host, or a bare host:port. */
    private static final Pattern SERVICE_NAME = Pattern.compile("//([a-z0-9-]+)(?=[:/]|$)|^([a-z0-9-]+):\\d+$");

    private final Rendering rendering;
    private final Map<String, String> addresses;
    private final Map<String, Map<String, String>> secrets;
    private final Map<String, Path> secretFiles;

    /**
     * @param addresses   each Service address the ConfigMaps name ("host:port", or "host" for a URL's default
     *                    port) and the loopback address that stands in for it
     * @param secrets     the keys and values of each Secret the containers read variables from
     * @param secretFiles the folder holding the files of each Secret a pod mounts
     */
    ClusterOnThisMachine(Rendering rendering, Map<String, String> addresses, Map<String, Map<String, String>> secrets,
                         Map<String, Path> secretFiles) {
        this.rendering = rendering;
        this.addresses = addresses;
        this.secrets = secrets;
        this.secretFiles = secretFiles;
    }

    /** The arguments of {@code podman run} for one container of a workload, image last. */
    List<String> runArguments(Manifest workload, JsonNode container, String name) {
        var arguments = new ArrayList<>(List.of("--name", name, "--network=host"));
        JsonNode pod = podSpec(workload);
        JsonNode podSecurity = pod.path("securityContext");
        arguments.add("--user=" + podSecurity.path("runAsUser").asText("0") + ":" + podSecurity.path("runAsGroup").asText("0"));
        if (container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) {
            arguments.add("--read-only");
        }
        JsonNode limits = container.path("resources").path("limits");
        if (limits.has("memory")) {
            arguments.add("--memory=" + Quantity.parse(limits.path("memory").asText()).toBigInteger() + "b");
        }
        if (limits.has("cpu")) {
            arguments.add("--cpus=" + Quantity.parse(limits.path("cpu").asText()).toPlainString());
        }
        environment(container, name).forEach((variable, value) -> arguments.add("--env=" + variable + "=" + value));
        arguments.addAll(volumes(pod, container));
        arguments.add("localhost/" + container.path("image").asText());
        return arguments;
    }

    private Map<String, String> environment(JsonNode container, String podName) {
        var environment = new LinkedHashMap<String, String>();
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            String value;
            if (variable.has("value")) {
                value = variable.path("value").asText();
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                value = onThisMachine(rendering.configMaps().get(ref.path("name").asText()).path(ref.path("key").asText()).asText());
            } else if (from.has("secretKeyRef")) {
                JsonNode ref = from.path("secretKeyRef");
                value = secret(ref.path("name").asText(), ref.path("key").asText());
            } else if (from.path("fieldRef").path("fieldPath").asText().equals("metadata.name")) {
                value = podName;
            } else {
                throw new IllegalArgumentException("no stand-in for " + variable);
            }
            environment.put(variable.path("name").asText(), value);
        }
        return environment;
    }

    /** A ConfigMap value with each Service it names replaced by the loopback address that stands in for it. */
    String onThisMachine(String value) {
        Matcher name = SERVICE_NAME.matcher(value);
        if (!name.find()) {
            return value;
        }
        for (var address : addresses.entrySet()) {
            if (value.contains(address.getKey())) {
                return value.replace(address.getKey(), address.getValue());
            }
        }
        throw new IllegalArgumentException("no stand-in on this machine for the Service named in " + value);
    }

    private String secret(String name, String key) {
        String value = secrets.getOrDefault(name, Map.of()).get(key);
        if (value == null) {
            throw new IllegalArgumentException("no value for key " + key + " of Secret " + name);
        }
        return value;
    }

    private List<String> volumes(JsonNode pod, JsonNode container) {
        var volumes = new LinkedHashMap<String, JsonNode>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        var arguments = new ArrayList<String>();
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            String path = mount.path("mountPath").asText();
            if (volume.has("emptyDir")) {
                String size = volume.path("emptyDir").path("sizeLimit").asText("");
                arguments.add("--tmpfs=" + path + ":rw,mode=1777"
                        + (size.isEmpty() ? "" : ",size=" + Quantity.parse(size).toBigInteger()));
            } else if (volume.has("secret")) {
                Path files = secretFiles.get(volume.path("secret").path("secretName").asText());
                if (files == null) {
                    throw new IllegalArgumentException("no files for Secret volume " + volume);
                }
                arguments.add("--volume=" + files + ":" + path + ":ro");
            } else {
                throw new IllegalArgumentException("no stand-in for volume " + volume);
            }
        }
        return arguments;
    }
}
