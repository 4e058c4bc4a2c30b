package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void theLagIsMeasuredForTheTopicAndGroupTheWorkerConsumes(Manifest scaledObject) {
        var config = ServiceConfig.of(target(scaledObject));
        JsonNode trigger = kafkaTrigger(scaledObject);
        String topic = trigger.path("topic").asText();

        assertThat(config.incomingSetting(topic, "group.id")).as("%s consumes %s", config.service(), topic)
                .contains(trigger.path("consumerGroup").asText());
        assertThat(config.incomingSetting(topic, "auto.offset.reset").orElse("latest"))
                .isEqualTo(trigger.path("offsetResetPolicy").asText("latest"));
        assertThat(Integer.parseInt(trigger.path("lagThreshold").asText())).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void theScalerAsksTheBrokersTheServicesUse(Manifest scaledObject) {
        String bootstrap = DeployTree.configMaps().get("pinxit-connections").path("KAFKA_BOOTSTRAP_SERVERS").asText();

        assertThat(kafkaTrigger(scaledObject).path("bootstrapServers").asText()).isEqualTo(bootstrap);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledObjects")
    void replicasStayBetweenOneAndTheTopicsPartitions(Manifest scaledObject) {
        JsonNode spec = scaledObject.body().path("spec");
        String topic = kafkaTrigger(scaledObject).path("topic").asText();
        int partitions = DeployTree.base("KafkaTopic", topic).body().path("spec").path("partitions").asInt();

        assertThat(spec.path("minReplicaCount").asInt(0)).as("never scaled to zero").isGreaterThanOrEqualTo(1);
        assertThat(spec.path("maxReplicaCount").asInt(100))
                .isGreaterThanOrEqualTo(spec.path("minReplicaCount").asInt(0))
                .as("more consumers than partitions would idle")
                .isLessThanOrEqualTo(partitions);
    }

    private static String target(Manifest scaledObject) {
        return scaledObject.body().path("spec").path("scaleTargetRef").path("name").asText();
    }

    private static JsonNode kafkaTrigger(Manifest scaledObject) {
        JsonNode triggers = scaledObject.body().path("spec").path("triggers");
        assertThat(triggers).as("%s triggers", scaledObject).hasSize(1);
        assertThat(triggers.get(0).path("type").asText()).isEqualTo("kafka");
        return triggers.get(0).path("metadata");
    }
}
