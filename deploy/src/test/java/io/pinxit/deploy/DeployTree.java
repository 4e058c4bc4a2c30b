package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The manifests under deploy/kubernetes, as files and as rendered, and the repository files they must agree with. */
final class DeployTree {

    static final Path DEPLOY = Path.of(System.getProperty("pinxit.deploy.dir", ".")).toAbsolutePath().normalize();
    static final Path REPOSITORY = DEPLOY.getParent();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path OVERLAYS = KUBERNETES.resolve("overlays");
    static final Path DEV = OVERLAYS.resolve("dev");
    static final Path PRODUCTION = OVERLAYS.resolve("production");
    static final Path SECRETS = KUBERNETES.resolve("secrets");
    static final String KUSTOMIZATION = "kustomization.yaml";

    static final YAMLMapper YAML = new YAMLMapper();

    private DeployTree() {
    }

    /** Every .yaml/.yml file below a folder, sorted. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file; a file may hold several, separated by ---. */
    static List<Manifest> read(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class);
            var manifests = new ArrayList<Manifest>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    manifests.add(new Manifest(file, document));
                }
            }
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every document of every YAML file under deploy/kubernetes, kustomizations and patches included. */
    static List<Manifest> all() {
        return yamlFiles(KUBERNETES).stream().flatMap(f -> read(f).stream()).toList();
    }

    /** Every overlay a user may apply: each folder under overlays/. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(KUSTOMIZATION))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base as kustomize renders it: what every overlay starts from. */
    static List<Manifest> base() {
        return Rendering.of(BASE).manifests();
    }

    static List<Manifest> base(String kind) {
        return Rendering.of(BASE).all(kind);
    }

    static Manifest base(String kind, String name) {
        return Rendering.of(BASE).get(kind, name);
    }

    static Optional<Manifest> find(String kind, String name) {
        return Rendering.of(BASE).find(kind, name);
    }

    static JsonNode kustomization(Path dir) {
        return read(dir.resolve(KUSTOMIZATION)).get(0).body();
    }

    /** The ConfigMap data every Deployment draws its connection settings from, by ConfigMap name. */
    static Map<String, JsonNode> configMaps() {
        return Rendering.of(BASE).configMaps();
    }

    static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }
}
