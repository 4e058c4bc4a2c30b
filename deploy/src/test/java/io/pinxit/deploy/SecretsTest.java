package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.containers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Git holds no credential. A Secret the manifests name is made by an operator (a KafkaUser's, the database role's) or
 * by hand from an example of deploy/kubernetes/secrets, which names its keys and holds no value.
 */
class SecretsTest {

    static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|JAAS|(^|_)KEY($|_)).*");
    static final String EXAMPLE = ".example.env";
    /** A Secret mounted as files, whose keys the manifests do not name one by one. */
    static final String WHOLE = "*";

    record Reference(String secret, String key, Manifest from) {
    }

    static Stream<Path> overlays() {
        return DeployTree.overlays().stream();
    }

    @Test
    void noManifestDeclaresASecretOrGeneratesOne() {
        overlays().forEach(dir -> assertThat(Rendering.of(dir).all("Secret")).as("Secrets of %s", dir).isEmpty());
        for (Manifest manifest : DeployTree.all()) {
            assertThat(manifest.body().has("secretGenerator")).as("%s generates a Secret", manifest).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyVariableWithASecretLookingNameComesFromASecretKeyRef(Path dir) {
        for (Manifest workload : workloads(dir)) {
            for (JsonNode container : containers(workload)) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    if (SECRET_LOOKING.matcher(name).matches()) {
                        assertThat(variable.has("value")).as("%s sets %s literally", workload, name).isFalse();
                        assertThat(variable.path("valueFrom").has("secretKeyRef"))
                                .as("%s takes %s from a Secret", workload, name).isTrue();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noConfigMapHoldsASecretLookingKey(Path dir) {
        Rendering.of(dir).configMaps().forEach((map, data) -> data.fieldNames().forEachRemaining(
                key -> assertThat(SECRET_LOOKING.matcher(key).matches()).as("ConfigMap %s key %s", map, key).isFalse()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretNamedIsMadeByAnOperatorOrByHandFromAnExampleWithItsKey(Path dir) {
        Map<String, Set<String>> made = operatorSecrets(Rendering.of(dir));
        Map<String, Set<String>> examples = examples();

        for (Reference reference : references(Rendering.of(dir))) {
            Set<String> keys = made.containsKey(reference.secret()) ? made.get(reference.secret())
                    : examples.get(reference.secret());
            assertThat(keys).as("%s names Secret %s, which no operator makes and no example in %s describes",
                    reference.from(), reference.secret(), DeployTree.SECRETS).isNotNull();
            if (!reference.key().equals(WHOLE)) {
                assertThat(keys).as("keys of Secret %s, of which %s uses %s", reference.secret(), reference.from(),
                        reference.key()).contains(reference.key());
            }
        }
    }

    @Test
    void everyExampleDescribesASecretTheProductionOverlayUses() {
        var used = references(Rendering.of(DeployTree.PRODUCTION)).stream().map(Reference::secret).toList();

        assertThat(examples().keySet()).allSatisfy(secret -> assertThat(used).as("Secrets used").contains(secret));
    }

    @Test
    void theExamplesHoldNoValues() {
        for (Path example : exampleFiles()) {
            entries(example).forEach((key, value) -> assertThat(value).as("%s: value of %s", example, key).isEmpty());
        }
    }

    @Test
    void theFilledInCopiesAreIgnoredByGit() {
        assertThat(DeployTree.read(DeployTree.SECRETS.resolve(".gitignore"), "ignore list").lines())
                .contains("*.env", "!*" + EXAMPLE);
    }

    private static List<Manifest> workloads(Path dir) {
        var rendering = Rendering.of(dir);
        return Stream.concat(rendering.all("Deployment").stream(), rendering.all("Job").stream()).toList();
    }

    /** Every Secret key the rendered resources read, wherever a kind names one. */
    static List<Reference> references(Rendering rendering) {
        var references = new ArrayList<Reference>();
        for (Manifest manifest : rendering.manifests()) {
            collect(manifest.body(), manifest, references);
            if (manifest.is("Tenant")) {
                JsonNode spec = manifest.body().path("spec");
                // The MinIO operator reads config.env from the configuration Secret and a user's keys from its Secret.
                references.add(new Reference(spec.path("configuration").path("name").asText(), "config.env", manifest));
                spec.path("users").forEach(user -> {
                    references.add(new Reference(user.path("name").asText(), "CONSOLE_ACCESS_KEY", manifest));
                    references.add(new Reference(user.path("name").asText(), "CONSOLE_SECRET_KEY", manifest));
                });
            }
        }
        return references;
    }

    private static void collect(JsonNode node, Manifest from, List<Reference> references) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "secretKeyRef" -> references.add(new Reference(value.path("name").asText(),
                        value.path("key").asText(), from));
                case "secretTargetRef" -> value.forEach(ref -> references.add(new Reference(ref.path("name").asText(),
                        ref.path("key").asText(), from)));
                case "s3Credentials" -> value.forEach(ref -> references.add(new Reference(ref.path("name").asText(),
                        ref.path("key").asText(), from)));
                case "secret" -> {
                    if (value.has("secretName")) {
                        references.add(new Reference(value.path("secretName").asText(), WHOLE, from));
                    }
                }
                default -> {
                }
            }
        });
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collect(child, from, references);
            }
        });
    }

    /** The Secrets operators write, with their keys: each Strimzi KafkaUser's, and CloudNativePG's application role. */
    private static Map<String, Set<String>> operatorSecrets(Rendering rendering) {
        var secrets = new LinkedHashMap<String, Set<String>>();
        rendering.all("KafkaUser").forEach(user -> secrets.put(user.name(), Set.of("password", "sasl.jaas.config")));
        rendering.all("Cluster").forEach(cluster -> secrets.put(cluster.name() + "-app",
                Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri")));
        return secrets;
    }

    /** The hand-made Secrets the examples describe, with their keys, by Secret name. */
    private static Map<String, Set<String>> examples() {
        var examples = new LinkedHashMap<String, Set<String>>();
        for (Path example : exampleFiles()) {
            String name = example.getFileName().toString();
            examples.put(name.substring(0, name.length() - EXAMPLE.length()), new TreeSet<>(entries(example).keySet()));
        }
        return examples;
    }

    private static List<Path> exampleFiles() {
        try (Stream<Path> files = Files.list(DeployTree.SECRETS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(EXAMPLE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> entries(Path example) {
        var entries = new LinkedHashMap<String, String>();
        DeployTree.read(example, "secret example").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    int equals = line.indexOf('=');
                    assertThat(equals).as("KEY=value line in %s: %s", example, line).isPositive();
                    entries.put(line.substring(0, equals), line.substring(equals + 1));
                });
        return entries;
    }
}
