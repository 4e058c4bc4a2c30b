package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Workers scale with KEDA on the lag of the consumer group they really consume with. */
class AutoscalingTest {

    static List<Manifest> scaledObjects() {
        return DeployTree.base("ScaledObject");
    }

    static List<String> workers() {
        return WorkersTest.workers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void everyWorkerIsScaledByExactlyOneScaledObject(String worker) {
        assertThat(scaledObjects()).filteredOn(s -> target(s).equals(worker)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void theScaledObjectTargetsAWorkerDeployment(Manifest scaledObject) {
        JsonNode ref = scaledObject.body().path("spec").path("scaleTargetRef");

        assertThat(ref.path("kind").asText("Deployment")).isEqualTo("Deployment");
        assertThat(DeployTree.find("Deployment", target(scaledObject))).isPresent();
        assertThat(workers()).contains(target(scaledObject));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void theLagIsMeasuredForTheTopicsAndGroupsTheWorkerConsumes(Manifest scaledObject) {
        var config = ServiceConfig.of(target(scaledObject));
        for (JsonNode trigger : kafkaTriggers(scaledObject)) {
            String topic = trigger.path("topic").asText();

            assertThat(config.incomingSetting(topic, "group.id")).as("%s consumes %s", config.service(), topic)
                    .contains(trigger.path("consumerGroup").asText());
            assertThat(config.incomingSetting(topic, "auto.offset.reset").orElse("latest"))
                    .isEqualTo(trigger.path("offsetResetPolicy").asText("latest"));
            assertThat(Integer.parseInt(trigger.path("lagThreshold").asText())).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workers")
    void everyCommandTopicAWorkerConsumesScalesIt(String worker) {
        var config = ServiceConfig.of(worker);
        var scaledObject = scaledObjects().stream().filter(s -> target(s).equals(worker)).findFirst().orElseThrow();
        var scaledTopics = kafkaTriggers(scaledObject).stream().map(t -> t.path("topic").asText()).toList();

        for (String channel : config.incomingChannels()) {
            String topic = config.get("mp.messaging.incoming." + channel + ".topic").orElse(channel);
            if (config.get("mp.messaging.incoming." + channel + ".group.id").isPresent()
                    && topic.endsWith(".commands")) {
                assertThat(scaledTopics).as("%s scales on %s", worker, topic).contains(topic);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void theScalerAsksTheBrokersTheServicesUseByTheirNameFromKedasNamespace(Manifest scaledObject) {
        JsonNode connections = DeployTree.configMaps().get("pinxit-connections");
        String[] bootstrap = connections.path("KAFKA_BOOTSTRAP_SERVERS").asText().split(":");
        String namespace = scaledObject.body().path("metadata").path("namespace").asText();

        for (JsonNode trigger : kafkaTriggers(scaledObject)) {
            assertThat(trigger.path("bootstrapServers").asText())
                    .isEqualTo(bootstrap[0] + "." + namespace + ".svc:" + bootstrap[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void theScalerSignsInAsTheServicesDoWithATriggerAuthentication(Manifest scaledObject) {
        String mechanism = DeployTree.configMaps().get("pinxit-connections").path("KAFKA_SASL_MECHANISM").asText();

        for (JsonNode trigger : scaledObject.body().path("spec").path("triggers")) {
            assertThat(trigger.path("metadata").path("sasl").asText().replaceAll("[^A-Za-z0-9]", ""))
                    .isEqualToIgnoringCase(mechanism.replaceAll("[^A-Za-z0-9]", ""));
            assertThat(DeployTree.find("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText()))
                    .as("TriggerAuthentication of %s", scaledObject).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void replicasStayBetweenOneAndTheTopicsPartitions(Manifest scaledObject) {
        JsonNode spec = scaledObject.body().path("spec");

        assertThat(spec.path("minReplicaCount").asInt(0)).as("never scaled to zero").isGreaterThanOrEqualTo(1);
        for (JsonNode trigger : kafkaTriggers(scaledObject)) {
            String topic = trigger.path("topic").asText();
            int partitions = DeployTree.base("KafkaTopic", topic).body().path("spec").path("partitions").asInt();
            assertThat(spec.path("maxReplicaCount").asInt(100))
                    .isGreaterThanOrEqualTo(spec.path("minReplicaCount").asInt(0))
                    .as("more consumers than %s's partitions would idle", topic)
                    .isLessThanOrEqualTo(partitions);
        }
    }

    private static String target(Manifest scaledObject) {
        return scaledObject.body().path("spec").path("scaleTargetRef").path("name").asText();
    }

    /** The metadata of each trigger: every one is a Kafka lag trigger (KEDA scales on the largest demand). */
    private static List<JsonNode> kafkaTriggers(Manifest scaledObject) {
        JsonNode triggers = scaledObject.body().path("spec").path("triggers");
        assertThat(triggers).as("%s triggers", scaledObject).isNotEmpty();
        var metadata = new ArrayList<JsonNode>();
        for (JsonNode trigger : triggers) {
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            metadata.add(trigger.path("metadata"));
        }
        return metadata;
    }
}
