package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service signs in to Kafka as a KafkaUser of its own, whose ACLs let it do what its application.properties
 * says it does: read its channels' topics in their consumer groups, write its outgoing and dead-letter topics.
 */
class KafkaUsersTest {

    record Acl(String type, String name, boolean prefix, List<String> operations) {

        boolean covers(String type, String resource, String operation) {
            return this.type.equals(type) && operations.contains(operation)
                    && (prefix ? resource.startsWith(name) : resource.equals(name));
        }
    }

    static List<String> kafkaServices() {
        return ServiceConfig.services().stream().filter(s -> ServiceConfig.of(s).has("kafka.bootstrap.servers")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaServices")
    void theServiceSignsInAsAKafkaUserOfItsOwn(String service) {
        String user = user(service);

        assertThat(DeployTree.find("KafkaUser", user)).as("KafkaUser %s", user).isPresent();
        assertThat(kafkaServices().stream().filter(other -> user(other).equals(user))).containsExactly(service);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaServices")
    void theUserMayReadEveryChannelsTopicInItsConsumerGroup(String service) {
        var config = ServiceConfig.of(service);
        var acls = acls(user(service));

        for (String channel : config.incomingChannels()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String topic = config.get(prefix + "topic").orElse(channel);
            assertThat(acls).as("%s reads %s", service, topic).anySatisfy(acl ->
                    assertThat(acl.covers("topic", topic, "Read")).isTrue());
            config.get(prefix + "group.id").ifPresent(group ->
                    assertThat(acls).as("%s reads in group %s", service, group).anySatisfy(acl -> assertThat(
                            acl.covers("group", fixedPart(group), "Read") && (acl.prefix() || !group.contains("${")))
                            .isTrue()));
            config.get(prefix + "dead-letter-queue.topic").ifPresent(deadLetters ->
                    assertThat(acls).as("%s writes %s", service, deadLetters).anySatisfy(acl ->
                            assertThat(acl.covers("topic", deadLetters, "Write")).isTrue()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaServices")
    void theUserMayWriteEveryOutgoingTopicAndAChannelWithoutOneWritesWhatWorkersRead(String service) {
        var config = ServiceConfig.of(service);
        var acls = acls(user(service));

        for (String key : config.keys()) {
            if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".connector")) {
                String channel = key.substring("mp.messaging.outgoing.".length(), key.length() - ".connector".length());
                List<String> topics = config.get("mp.messaging.outgoing." + channel + ".topic").map(List::of)
                        .orElseGet(KafkaUsersTest::topicsWorkersRead);
                for (String topic : topics) {
                    assertThat(acls).as("%s writes %s", service, topic).anySatisfy(acl ->
                            assertThat(acl.covers("topic", topic, "Write")).isTrue());
                }
            }
        }
    }

    @Test
    void everyAclNamesDeclaredTopicsAndGrantsNoMoreThanReadWriteOrDescribe() {
        var topics = DeployTree.base("KafkaTopic").stream().map(Manifest::name).toList();
        for (Manifest user : DeployTree.base("KafkaUser")) {
            assertThat(user.body().path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            for (Acl acl : acls(user.name())) {
                assertThat(acl.type()).as("%s", acl).isIn("topic", "group");
                assertThat(acl.operations()).as("%s", acl).isSubsetOf("Read", "Write", "Describe");
                if (acl.type().equals("topic")) {
                    assertThat(topics).as("topics %s grants", acl).anySatisfy(topic ->
                            assertThat(acl.prefix() ? topic.startsWith(acl.name()) : topic.equals(acl.name())).isTrue());
                }
            }
        }
    }

    @Test
    void theBrokersAuthenticateAndAuthoriseEveryClient() {
        JsonNode kafka = DeployTree.base("Kafka", "pinxit").body().path("spec").path("kafka");

        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        kafka.path("listeners").forEach(listener -> assertThat(listener.path("authentication").path("type").asText())
                .as("listener %s", listener.path("name").asText()).isEqualTo("scram-sha-512"));
    }

    /** The KafkaUser whose Secret the service's Deployment takes its SASL settings from. */
    private static String user(String service) {
        JsonNode jaas = env(container(DeployTree.base("Deployment", service))).get("KAFKA_SASL_JAAS_CONFIG");
        assertThat(jaas).as("%s signs in to Kafka (KAFKA_SASL_JAAS_CONFIG)", service).isNotNull();
        return jaas.path("valueFrom").path("secretKeyRef").path("name").asText();
    }

    private static List<Acl> acls(String user) {
        var acls = new ArrayList<Acl>();
        for (JsonNode acl : DeployTree.base("KafkaUser", user).body().path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            var operations = new ArrayList<String>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            acls.add(new Acl(resource.path("type").asText(), resource.path("name").asText(),
                    resource.path("patternType").asText("literal").equals("prefix"), operations));
        }
        return acls;
    }

    /** A group id up to its first ${...}: what a prefix ACL must match when the rest differs per process. */
    private static String fixedPart(String groupId) {
        int expansion = groupId.indexOf("${");
        return expansion < 0 ? groupId : groupId.substring(0, expansion);
    }

    private static List<String> topicsWorkersRead() {
        var topics = new ArrayList<String>();
        for (String worker : WorkersTest.workers()) {
            var config = ServiceConfig.of(worker);
            config.incomingChannels().forEach(channel ->
                    topics.add(config.get("mp.messaging.incoming." + channel + ".topic").orElse(channel)));
        }
        return topics.stream().distinct().toList();
    }
}
