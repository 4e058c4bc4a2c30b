package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** What a kustomization renders to (kubectl kustomize, offline): the resources a user would apply. */
record Rendering(Path dir, List<Manifest> manifests) {

    private static final Map<Path, Rendering> RENDERED = new ConcurrentHashMap<>();

    static Rendering of(Path dir) {
        return RENDERED.computeIfAbsent(dir, Rendering::render);
    }

    List<Manifest> all(String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return all(kind).stream().filter(m -> m.name().equals(name)).findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException("no " + kind + "/" + name + " in " + this));
    }

    /** The data of every ConfigMap, by ConfigMap name. */
    Map<String, JsonNode> configMaps() {
        var maps = new LinkedHashMap<String, JsonNode>();
        all("ConfigMap").forEach(m -> maps.put(m.name(), m.body().path("data")));
        return maps;
    }

    @Override
    public String toString() {
        return DeployTree.KUBERNETES.relativize(dir).toString();
    }

    private static Rendering render(Path dir) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            var manifests = new ArrayList<Manifest>();
            try (MappingIterator<JsonNode> documents = DeployTree.YAML.readerFor(JsonNode.class).readValues(out)) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isMissingNode()) {
                        manifests.add(new Manifest(dir, document));
                    }
                }
            }
            return new Rendering(dir, List.copyOf(manifests));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl kustomize " + dir + " (tools/install-debian-packages.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
