package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The network allows exactly the flows docs/architecture.md lists ("Network flows"), and denies every other. */
class NetworkPoliciesTest {

    /** What a namespace selector stands for: the operators' and the platform's namespaces. */
    static final Map<String, String> NAMESPACES = Map.of(
            "ingress-nginx", "ingress-controller", "monitoring", "prometheus", "keda", "keda", "kube-system", "dns",
            "cnpg-system", "cnpg-operator", "minio-operator", "minio-operator");
    /** What a pod label stands for: Pinxit's workloads by name, the operators' pods by the resource that owns them. */
    static final Map<String, String> OWNERS = Map.of(
            "strimzi.io/cluster", "kafka", "cnpg.io/cluster", "postgresql", "v1.min.io/tenant", "object-storage");
    static final Set<String> PRIVATE_RANGES = Set.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8");

    record Flow(String from, String to, String port) implements Comparable<Flow> {
        @Override
        public int compareTo(Flow other) {
            return toString().compareTo(other.toString());
        }
    }

    @Test
    void theAllowedFlowsAreExactlyThoseOfTheArchitecture() {
        var allowed = new TreeSet<Flow>();
        allowed.addAll(ingressFlows());
        allowed.addAll(egressFlows());

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(documentedFlows());
    }

    @Test
    void eachFlowBetweenPodsOfThisNamespaceIsAllowedAtBothEnds() {
        Set<String> egressDenied = selected(DeployTree.base("NetworkPolicy", "default-deny-egress-of-services")
                .body().path("spec").path("podSelector"));
        var ingress = ingressFlows();
        var egress = egressFlows();
        Set<String> inNamespace = new TreeSet<>(egressDenied);
        inNamespace.addAll(OWNERS.values());

        for (Flow flow : egress) {
            if (inNamespace.contains(flow.to())) {
                assertThat(ingress).as("%s is let in where it goes", flow).contains(flow);
            }
        }
        for (Flow flow : ingress) {
            if (egressDenied.contains(flow.from())) {
                assertThat(egress).as("%s is let out where it comes from", flow).contains(flow);
            }
        }
    }

    @Test
    void everyPodIsDeniedWhatNoPolicyAllowsAndEveryServiceTooOnItsWayOut() {
        JsonNode ingress = DeployTree.base("NetworkPolicy", "default-deny-ingress").body().path("spec");
        assertThat(ingress.path("podSelector").isEmpty()).as("selects every pod").isTrue();
        assertThat(ingress.path("ingress").isMissingNode()).isTrue();

        JsonNode egress = DeployTree.base("NetworkPolicy", "default-deny-egress-of-services").body().path("spec");
        assertThat(selected(egress.path("podSelector")))
                .containsAll(DeployTree.base("Deployment").stream().map(Manifest::name).toList())
                .containsAll(DeployTree.base("Job").stream().map(Manifest::name).toList());
        assertThat(egress.path("egress").isMissingNode()).isTrue();
    }

    @Test
    void theOnlyWayOutOfTheClusterIsToPublicAddresses() {
        for (Manifest policy : DeployTree.base("NetworkPolicy")) {
            for (JsonNode block : policy.body().findValues("ipBlock")) {
                assertThat(block.path("cidr").asText()).isEqualTo("0.0.0.0/0");
                var except = new TreeSet<String>();
                block.path("except").forEach(e -> except.add(e.asText()));
                assertThat(except).as("ranges %s keeps out", policy).containsAll(PRIVATE_RANGES);
            }
        }
    }

    private static Set<Flow> ingressFlows() {
        var flows = new TreeSet<Flow>();
        for (Manifest policy : DeployTree.base("NetworkPolicy")) {
            JsonNode spec = policy.body().path("spec");
            for (String target : selected(spec.path("podSelector"))) {
                spec.path("ingress").forEach(rule -> flows.addAll(flows(peers(rule.path("from")), List.of(target), rule)));
            }
        }
        // Strimzi writes the Kafka pods' policy from the listeners' peers.
        DeployTree.base("Kafka").forEach(kafka -> kafka.body().path("spec").path("kafka").path("listeners")
                .forEach(listener -> peers(listener.path("networkPolicyPeers")).forEach(peer -> flows.add(
                        new Flow(peer, "kafka", listener.path("port").asText())))));
        return flows;
    }

    private static Set<Flow> egressFlows() {
        var flows = new TreeSet<Flow>();
        for (Manifest policy : DeployTree.base("NetworkPolicy")) {
            JsonNode spec = policy.body().path("spec");
            spec.path("egress").forEach(rule ->
                    flows.addAll(flows(selected(spec.path("podSelector")), peers(rule.path("to")), rule)));
        }
        return flows;
    }

    private static List<Flow> flows(Iterable<String> from, Iterable<String> to, JsonNode rule) {
        var ports = new TreeSet<String>();
        rule.path("ports").forEach(port -> ports.add(port.path("port").asText()));
        if (ports.isEmpty()) {
            ports.add("any");
        }
        var flows = new ArrayList<Flow>();
        from.forEach(source -> to.forEach(target -> ports.forEach(port -> flows.add(new Flow(source, target, port)))));
        return flows;
    }

    private static List<String> peers(JsonNode peers) {
        var names = new ArrayList<String>();
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                names.add("internet");
            } else if (peer.has("namespaceSelector")) {
                String namespace = peer.path("namespaceSelector").path("matchLabels")
                        .path("kubernetes.io/metadata.name").asText();
                assertThat(NAMESPACES).as("namespaces this test knows").containsKey(namespace);
                names.add(NAMESPACES.get(namespace));
            } else {
                names.addAll(selected(peer.path("podSelector")));
            }
        }
        return names;
    }

    /** The workloads a pod selector of this namespace selects, by name. */
    private static Set<String> selected(JsonNode selector) {
        var names = new TreeSet<String>();
        selector.path("matchLabels").fields().forEachRemaining(label -> names.add(
                label.getKey().equals("app.kubernetes.io/name") ? label.getValue().asText() : OWNERS.get(label.getKey())));
        selector.path("matchExpressions").forEach(expression -> {
            assertThat(expression.path("key").asText()).isEqualTo("app.kubernetes.io/name");
            assertThat(expression.path("operator").asText()).isEqualTo("In");
            expression.path("values").forEach(v -> names.add(v.asText()));
        });
        assertThat(names).as("what %s selects", selector).doesNotContainNull();
        return names;
    }

    private static Set<Flow> documentedFlows() {
        String architecture = DeployTree.read(DeployTree.REPOSITORY.resolve("docs/architecture.md"), "architecture");
        String section = architecture.substring(architecture.indexOf("## Network flows"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        var flows = new TreeSet<Flow>();
        section.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| from") && !line.startsWith("| ---"))
                .forEach(line -> {
                    String[] cells = line.split("\\|");
                    for (String from : cells[1].strip().split(",\\s*")) {
                        flows.add(new Flow(from, cells[2].strip(), cells[3].strip()));
                    }
                });
        return flows;
    }
}
