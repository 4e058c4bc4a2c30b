package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.containers;
import static io.pinxit.deploy.Workloads.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The environment of every container an overlay renders is configuration its service reads, and sets what the
 * service cannot start or work in a cluster without.
 */
class ConfigurationTest {

    /** Variables read by the JVM, DJL, the native libraries under it or Quarkus' start-up, not by configuration keys. */
    static final Set<String> RUNTIME_VARIABLES = Set.of(
            "JAVA_TOOL_OPTIONS", "DJL_OFFLINE", "OPT_OUT_TRACKING", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR",
            "ONEDNN_MAX_CPU_ISA", "PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "QUARKUS_INIT_AND_EXIT");
    /** Quarkus hands every kafka.* key to the Kafka clients: those are the clients' own settings. */
    static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();
    static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|localhost");
    /** A ${VARIABLE} expansion without a default, which the service cannot start without (${a.key} names a key). */
    static final Pattern REQUIRED_EXPANSION = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    record Container(Path overlay, Manifest workload, String service, JsonNode spec) {
        @Override
        public String toString() {
            return DeployTree.KUBERNETES.relativize(overlay) + " " + workload.kind() + "/" + workload.name() + " "
                    + spec.path("name").asText();
        }
    }

    /** Every container of every Deployment and Job of every overlay, with the service its image runs. */
    static Stream<Container> containersOfEveryOverlay() {
        return DeployTree.overlays().stream().flatMap(overlay -> {
            var rendering = Rendering.of(overlay);
            return Stream.concat(rendering.all("Deployment").stream(), rendering.all("Job").stream())
                    .flatMap(workload -> containers(workload).stream()
                            .map(spec -> new Container(overlay, workload, Workloads.service(spec), spec)));
        });
    }

    static Stream<Arguments> everyContainer() {
        return containersOfEveryOverlay().map(Arguments::of);
    }

    @Test
    void everyContainerRunsTheImageOfAServiceModule() {
        assertThat(containersOfEveryOverlay()).isNotEmpty()
                .allSatisfy(c -> assertThat(ServiceConfig.services()).as("%s", c).contains(c.service()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContainer")
    void everyVariableIsASettingTheServiceReads(Container container) {
        var config = ServiceConfig.of(container.service());
        var known = config.environmentNames();

        assertThat(env(container.spec()).keySet())
                .filteredOn(name -> !RUNTIME_VARIABLES.contains(name))
                .as("variables of %s that no key of %s's application.properties nor a Kafka client setting maps to",
                        container, container.service())
                .allSatisfy(name -> assertThat(known.contains(name) || isKafkaClientSetting(config, name))
                        .as(name).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContainer")
    void noVariableIsSetTwice(Container container) {
        var names = new ArrayList<String>();
        container.spec().path("env").forEach(e -> names.add(e.path("name").asText()));

        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContainer")
    void everySettingThatPointsAtThisMachineIsOverriddenFromClusterConfiguration(Container container) {
        if (container.spec().has("env") && env(container.spec()).containsKey("QUARKUS_INIT_AND_EXIT")) {
            return; // a migration reaches only the database, whose setting the next test requires
        }
        var config = ServiceConfig.of(container.service());
        var env = env(container.spec());

        for (String key : config.keys()) {
            if (!key.startsWith("%") && LOOPBACK.matcher(config.get(key).orElse("")).find()) {
                assertThat(env).as("%s overrides %s (%s)", container, key, config.get(key).orElseThrow())
                        .containsKey(ServiceConfig.environmentName(key));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContainer")
    void everySettingTheServiceCannotStartWithoutIsSet(Container container) {
        var config = ServiceConfig.of(container.service());
        var env = env(container.spec());
        var required = new HashSet<String>(List.of("QUARKUS_DATASOURCE_JDBC_URL"));
        for (String key : config.keys()) {
            Matcher expansion = REQUIRED_EXPANSION.matcher(key.startsWith("%") ? "" : config.get(key).orElse(""));
            while (expansion.find()) {
                required.add(expansion.group(1));
            }
        }

        assertThat(env.keySet()).as("variables of %s", container).containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContainer")
    void everyConfigMapReferenceNamesAKeyThatExists(Container container) {
        Map<String, JsonNode> configMaps = Rendering.of(container.overlay()).configMaps();

        for (JsonNode variable : env(container.spec()).values()) {
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
        var referenced = containersOfEveryOverlay()
                .flatMap(c -> env(c.spec()).values().stream())
                .map(v -> v.path("valueFrom").path("configMapKeyRef").path("key").asText())
                .toList();
        var readWhole = containersOfEveryOverlay()
                .flatMap(c -> StreamSupport.stream(c.spec().path("envFrom").spliterator(), false))
                .map(from -> from.path("configMapRef").path("name").asText())
                .collect(Collectors.toSet());

        DeployTree.configMaps().forEach((name, data) -> data.fieldNames().forEachRemaining(key ->
                assertThat(readWhole.contains(name) || referenced.contains(key))
                        .as("services using %s", key).isTrue()));
    }

    @Test
    void everyServiceReadsTheTelemetrySettingsWhole() {
        assertThat(containersOfEveryOverlay().filter(c -> !env(c.spec()).containsKey("QUARKUS_INIT_AND_EXIT")))
                .allSatisfy(c -> assertThat(c.spec().path("envFrom").findValuesAsText("name")).as("%s", c)
                        .contains("pinxit-telemetry"));
    }

    private static boolean isKafkaClientSetting(ServiceConfig config, String variable) {
        return config.has("kafka.bootstrap.servers") && variable.startsWith("KAFKA_")
                && KAFKA_CLIENT_SETTINGS.contains(variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace('_', '.'));
    }

    private static Set<String> kafkaClientSettings() {
        var settings = new HashSet<String>();
        settings.addAll(ConsumerConfig.configNames());
        settings.addAll(ProducerConfig.configNames());
        settings.addAll(AdminClientConfig.configNames());
        return Set.copyOf(settings);
    }
}
