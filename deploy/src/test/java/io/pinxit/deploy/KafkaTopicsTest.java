package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaTopicsTest {

    static List<Manifest> topics() {
        return DeployTree.base("KafkaTopic");
    }

    static Set<String> topicNames() {
        var names = new TreeSet<String>();
        topics().forEach(t -> names.add(t.body().path("spec").path("topicName").asText(t.name())));
        return names;
    }

    static List<String> asyncApiAddresses() {
        JsonNode document = DeployTree.read(DeployTree.REPOSITORY.resolve("docs/asyncapi.yaml")).get(0).body();
        var addresses = new ArrayList<String>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        return addresses;
    }

    @Test
    void theTopicsAreExactlyTheChannelsOfTheAsyncApiDocument() {
        assertThat(asyncApiAddresses()).isNotEmpty();
        assertThat(topicNames()).containsExactlyInAnyOrderElementsOf(asyncApiAddresses());
    }

    @Test
    void everyTopicAServiceReadsOrWritesIsDeclared() {
        for (String service : ServiceConfig.services()) {
            assertThat(topicNames()).as("topics declared for %s", service)
                    .containsAll(ServiceConfig.of(service).topics());
        }
    }

    @Test
    void theWorkerAnnouncementTopicIsCompactedAndTheOthersAreNot() {
        for (Manifest topic : topics()) {
            String policy = topic.body().path("spec").path("config").path("cleanup.policy").asText("delete");
            if (topic.name().equals("pinxit.worker.models")) {
                assertThat(policy).as("%s cleanup.policy", topic.name()).isEqualTo("compact");
            } else {
                assertThat(policy).as("%s cleanup.policy", topic.name()).isEqualTo("delete");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void acksAllSurvivesTheLossOfOneBroker(Manifest topic) {
        JsonNode spec = topic.body().path("spec");
        int replicas = spec.path("replicas").asInt();
        int minInSync = spec.path("config").path("min.insync.replicas").asInt(1);

        assertThat(replicas).isGreaterThanOrEqualTo(3);
        assertThat(minInSync).isGreaterThanOrEqualTo(2).isLessThan(replicas);
        assertThat(spec.path("partitions").asInt()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyTopicBelongsToTheKafkaClusterTheServicesConnectTo(Manifest topic) {
        String cluster = topic.body().path("metadata").path("labels").path("strimzi.io/cluster").asText();
        String bootstrap = DeployTree.configMaps().get("pinxit-connections").path("KAFKA_BOOTSTRAP_SERVERS").asText();

        assertThat(cluster).isNotBlank();
        assertThat(DeployTree.find("Kafka", cluster)).as("Kafka cluster %s", cluster).isPresent();
        assertThat(bootstrap).startsWith(cluster + "-kafka-bootstrap:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.SecretsTest#overlays")
    void everyTopicHasNoMoreReplicasThanTheClusterHasBrokers(Path overlay) {
        var rendering = Rendering.of(overlay);
        int brokers = rendering.all("KafkaNodePool").stream()
                .filter(pool -> pool.body().path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.body().path("spec").path("replicas").asInt())
                .sum();

        for (Manifest topic : rendering.all("KafkaTopic")) {
            JsonNode spec = topic.body().path("spec");
            assertThat(spec.path("replicas").asInt()).as("%s in %s", topic, overlay).isBetween(1, brokers);
            assertThat(spec.path("config").path("min.insync.replicas").asInt(1))
                    .as("%s: min.insync.replicas in %s", topic, overlay).isLessThanOrEqualTo(spec.path("replicas").asInt());
        }
    }
}
