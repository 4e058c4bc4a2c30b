package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The environment each Deployment sets must be configuration its service actually reads. */
class ConfigurationTest {

    /** Variables read by the JVM, DJL or the native libraries under it rather than by Quarkus configuration. */
    static final Set<String> RUNTIME_VARIABLES = Set.of(
            "JAVA_TOOL_OPTIONS", "DJL_OFFLINE", "OPT_OUT_TRACKING", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR",
            "ONEDNN_MAX_CPU_ISA");

    /** The connection settings a pod must override, or it talks to the 127.0.0.1 defaults of ./pinxit up. */
    static final List<String> CONNECTION_KEYS = List.of(
            "kafka.bootstrap.servers",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "pinxit.storage.endpoint",
            "pinxit.storage.access-key",
            "pinxit.storage.secret-key");

    static List<String> services() {
        return ServiceConfig.services();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableSetOnTheContainerOverridesAKeyOfTheServicesApplicationProperties(String service) {
        var known = ServiceConfig.of(service).environmentNames();

        assertThat(env(container(DeployTree.base("Deployment", service))).keySet())
                .filteredOn(name -> !RUNTIME_VARIABLES.contains(name))
                .as("variables of %s that no key of its application.properties maps to", service)
                .allSatisfy(name -> assertThat(known).contains(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void noVariableIsSetTwice(String service) {
        var names = new ArrayList<String>();
        container(DeployTree.base("Deployment", service)).path("env").forEach(e -> names.add(e.path("name").asText()));

        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyConnectionSettingTheServiceReadsIsSetFromClusterConfiguration(String service) {
        var config = ServiceConfig.of(service);
        var env = env(container(DeployTree.base("Deployment", service)));

        for (String key : CONNECTION_KEYS) {
            if (config.has(key)) {
                JsonNode variable = env.get(ServiceConfig.environmentName(key));
                assertThat(variable).as("%s sets %s", service, ServiceConfig.environmentName(key)).isNotNull();
                assertThat(variable.path("valueFrom").isMissingNode())
                        .as("%s takes %s from a ConfigMap or Secret", service, key).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyConfigMapReferenceNamesAKeyThatExists(String service) {
        var configMaps = DeployTree.configMaps();

        for (JsonNode variable : env(container(DeployTree.base("Deployment", service))).values()) {
            JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
            if (!ref.isMissingNode()) {
                String map = ref.path("name").asText();
                assertThat(configMaps).as("ConfigMaps").containsKey(map);
                assertThat(configMaps.get(map).has(ref.path("key").asText()))
                        .as("ConfigMap %s has key %s", map, ref.path("key").asText()).isTrue();
            }
        }
    }

    @Test
    void everyConfigMapValueIsUsedByAtLeastOneService() {
        var referenced = DeployTree.base("Deployment").stream()
                .flatMap(d -> env(container(d)).values().stream())
                .map(v -> v.path("valueFrom").path("configMapKeyRef").path("key").asText())
                .toList();

        DeployTree.configMaps().values().forEach(data -> data.fieldNames()
                .forEachRemaining(key -> assertThat(referenced).as("services using %s", key).contains(key)));
    }
}
