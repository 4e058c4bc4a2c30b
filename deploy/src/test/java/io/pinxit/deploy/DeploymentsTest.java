package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.container;
import static io.pinxit.deploy.Workloads.containerPort;
import static io.pinxit.deploy.Workloads.containers;
import static io.pinxit.deploy.Workloads.emptyDirMounts;
import static io.pinxit.deploy.Workloads.literalEnv;
import static io.pinxit.deploy.Workloads.podLabels;
import static io.pinxit.deploy.Workloads.podSpec;
import static io.pinxit.deploy.Workloads.selects;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeploymentsTest {

    static List<String> services() {
        return ServiceConfig.services();
    }

    @Test
    void everyServiceModuleHasExactlyOneDeploymentAndNothingElseDoes() {
        assertThat(DeployTree.base("Deployment")).extracting(Manifest::name)
                .containsExactlyInAnyOrderElementsOf(services());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theContainerListensOnTheServicesQuarkusHttpPortNamedHttp(String service) {
        var container = container(DeployTree.base("Deployment", service));

        assertThat(containers(DeployTree.base("Deployment", service))).hasSize(1);
        assertThat(containerPort(container, "http")).contains(ServiceConfig.of(service).httpPort());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void livenessReadinessAndStartupProbesAskQuarkusHealthOnTheHttpPort(String service) {
        var container = container(DeployTree.base("Deployment", service));

        assertProbe(container, "livenessProbe", "/q/health/live");
        assertProbe(container, "readinessProbe", "/q/health/ready");
        assertProbe(container, "startupProbe", "/q/health/started");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyProbeGivesUpWithinItsPeriodSoALivenessCheckCannotHang(String service) {
        var container = container(DeployTree.base("Deployment", service));

        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode spec = container.path(probe);
            int timeout = spec.path("timeoutSeconds").asInt(0);
            assertThat(timeout).as("%s %s timeoutSeconds", service, probe).isPositive();
            assertThat(timeout).as("%s %s timeout within its period", service, probe)
                    .isLessThanOrEqualTo(spec.path("periodSeconds").asInt(10));
            assertThat(spec.path("failureThreshold").asInt(0)).as("%s %s failureThreshold", service, probe).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyContainerRequestsAndIsLimitedInCpuAndMemory(String service) {
        JsonNode resources = container(DeployTree.base("Deployment", service)).path("resources");

        for (String resource : List.of("cpu", "memory")) {
            JsonNode request = resources.path("requests").path(resource);
            JsonNode limit = resources.path("limits").path(resource);
            assertThat(request.isMissingNode()).as("%s requests %s", service, resource).isFalse();
            assertThat(limit.isMissingNode()).as("%s limits %s", service, resource).isFalse();
            assertThat(Quantity.parse(limit.asText())).as("%s %s limit ≥ request", service, resource)
                    .isGreaterThanOrEqualTo(Quantity.parse(request.asText()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void podsRunAsNonRootWithAReadOnlyRootFilesystemAndNoPrivileges(String service) {
        var deployment = DeployTree.base("Deployment", service);
        JsonNode pod = podSpec(deployment).path("securityContext");
        JsonNode container = container(deployment).path("securityContext");

        assertThat(pod.path("runAsNonRoot").asBoolean(false)).as("%s runAsNonRoot", service).isTrue();
        assertThat(pod.path("runAsUser").asInt(0)).as("%s runAsUser", service).isPositive();
        assertThat(pod.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.path("readOnlyRootFilesystem").asBoolean(false)).as("%s read-only root", service).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).as("%s privilege escalation", service)
                .isFalse();
        assertThat(container.path("capabilities").path("drop").toString()).contains("\"ALL\"");
        assertThat(podSpec(deployment).path("automountServiceAccountToken").asBoolean(true))
                .as("%s mounts no API token it never uses", service).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsReadOnly(String service) {
        var deployment = DeployTree.base("Deployment", service);

        assertThat(emptyDirMounts(deployment, container(deployment))).contains("/tmp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theDeploymentSelectsItsOwnPodTemplate(String service) {
        var deployment = DeployTree.base("Deployment", service);

        assertThat(selects(deployment.body().path("spec").path("selector").path("matchLabels"), podLabels(deployment)))
                .as("%s selector matches its pod labels", service).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceOfTheSameNameSelectsThePodsOfThisDeploymentAndNoOther(String service) {
        var deployment = DeployTree.base("Deployment", service);
        var kubernetesService = DeployTree.base("Service", service);
        JsonNode selector = kubernetesService.body().path("spec").path("selector");

        assertThat(selects(selector, podLabels(deployment))).as("Service %s selects its pods", service).isTrue();
        for (Manifest other : DeployTree.base("Deployment")) {
            if (!other.name().equals(service)) {
                assertThat(selects(selector, podLabels(other))).as("Service %s selects %s", service, other).isFalse();
            }
        }
        assertThat(kubernetesService.body().path("spec").path("ports").findValuesAsText("targetPort"))
                .containsExactly("http");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void prometheusScrapesQMetricsOnTheHttpPort(String service) {
        var deployment = DeployTree.base("Deployment", service);
        JsonNode annotations = deployment.body().path("spec").path("template").path("metadata").path("annotations");

        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asText())
                .isEqualTo(String.valueOf(ServiceConfig.of(service).httpPort()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aPodDisruptionBudgetCoversTheDeployment(String service) {
        var deployment = DeployTree.base("Deployment", service);

        assertThat(DeployTree.base("PodDisruptionBudget"))
                .filteredOn(pdb -> selects(pdb.body().path("spec").path("selector").path("matchLabels"),
                        podLabels(deployment)))
                .as("PodDisruptionBudgets selecting %s", service)
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theImageIsTheServicesImageTaggedWithTheProjectVersion(String service) {
        String version = System.getProperty("pinxit.project.version", "0.1.0-SNAPSHOT");

        assertThat(container(DeployTree.base("Deployment", service)).path("image").asText())
                .isEqualTo("pinxit/" + service + ":" + version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.IngressTest#publicServices")
    void aHorizontalPodAutoscalerKeepsAtLeastTwoReplicasOfEveryPublicService(String service) {
        assertThat(DeployTree.base("Deployment", service).body().path("spec").has("replicas"))
                .as("%s sets spec.replicas, which every apply would reset under its autoscaler", service).isFalse();
        assertThat(DeployTree.base("HorizontalPodAutoscaler")).filteredOn(hpa ->
                        hpa.body().path("spec").path("scaleTargetRef").path("name").asText().equals(service))
                .singleElement().satisfies(hpa ->
                        assertThat(hpa.body().path("spec").path("minReplicas").asInt(1)).isGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pinxit.deploy.IngressTest#publicServices")
    void aServiceBehindTheIngressAnswersWithThePublicSchemeAndHost(String service) {
        var container = container(DeployTree.base("Deployment", service));

        assertThat(literalEnv(container, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")).contains("true");
        assertThat(literalEnv(container, "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED")).contains("true");
        assertThat(literalEnv(container, "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST")).contains("true");
    }

    private static void assertProbe(JsonNode container, String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText()).as("%s path", probe).isEqualTo(path);
        assertThat(httpGet.path("port").asText()).as("%s port", probe).isEqualTo("http");
    }
}
