package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.containers;
import static io.pinxit.deploy.Workloads.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Secrets are created in the cluster by hand from secrets.example.env; git holds only their names. */
class SecretsTest {

    static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|(^|_)KEY($|_)).*");
    static final String CREDENTIALS = "pinxit-credentials";

    @Test
    void noManifestDeclaresASecretOrGeneratesOne() {
        assertThat(DeployTree.all()).filteredOn(m -> m.is("Secret")).isEmpty();
        for (Manifest manifest : DeployTree.all()) {
            if (manifest.is("Kustomization")) {
                assertThat(manifest.body().has("secretGenerator")).as("%s generates a Secret", manifest).isFalse();
            }
        }
    }

    @Test
    void everyVariableWithASecretLookingNameComesFromASecretKeyRef() {
        for (Manifest manifest : DeployTree.all()) {
            if (!manifest.is("Deployment")) {
                continue;
            }
            for (JsonNode container : containers(manifest)) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    if (SECRET_LOOKING.matcher(name).matches()) {
                        assertThat(variable.has("value")).as("%s sets %s literally", manifest, name).isFalse();
                        assertThat(variable.path("valueFrom").has("secretKeyRef"))
                                .as("%s takes %s from a Secret", manifest, name).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void noConfigMapHoldsASecretLookingKey() {
        DeployTree.configMaps().forEach((map, data) -> data.fieldNames().forEachRemaining(
                key -> assertThat(SECRET_LOOKING.matcher(key).matches()).as("ConfigMap %s key %s", map, key).isFalse()));
    }

    @Test
    void theExampleEnvFileDocumentsExactlyTheSecretKeysTheDeploymentsReference() {
        var referenced = new ArrayList<String>();
        for (Manifest deployment : DeployTree.base("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                for (JsonNode variable : env(container).values()) {
                    JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        assertThat(ref.path("name").asText()).as("Secret %s uses", deployment).isEqualTo(CREDENTIALS);
                        referenced.add(ref.path("key").asText());
                    }
                }
            }
        }

        assertThat(exampleEntries().keySet()).containsExactlyInAnyOrderElementsOf(referenced.stream().distinct().toList());
    }

    @Test
    void theExampleEnvFileHoldsNoValues() {
        exampleEntries().forEach((key, value) -> assertThat(value).as("example value of %s", key).isEmpty());
    }

    @Test
    void theFilledInSecretsFileIsIgnoredByGit() {
        var ignore = DeployTree.SECRETS_EXAMPLE.resolveSibling(".gitignore");

        assertThat(DeployTree.read(ignore, "ignore list").lines()).contains("secrets.env");
    }

    private static Map<String, String> exampleEntries() {
        var entries = new LinkedHashMap<String, String>();
        DeployTree.read(DeployTree.SECRETS_EXAMPLE, "secrets example").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    int equals = line.indexOf('=');
                    assertThat(equals).as("KEY=value line: %s", line).isPositive();
                    entries.put(line.substring(0, equals), line.substring(equals + 1));
                });
        return entries;
    }
}
