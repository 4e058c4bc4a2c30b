package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngressTest {

    record Route(String path, String service, String port) {
    }

    static List<Route> routes() {
        var routes = new ArrayList<Route>();
        for (Manifest ingress : DeployTree.base("Ingress")) {
            for (JsonNode rule : ingress.body().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode service = path.path("backend").path("service");
                    routes.add(new Route(path.path("path").asText(), service.path("name").asText(),
                            service.path("port").path("name").asText()));
                }
            }
        }
        return routes;
    }

    @Test
    void onlyTheGatewayAndTheGalleryAreReachableFromOutside() {
        assertThat(routes()).extracting(Route::service).containsOnly("gateway-service", "gallery-service")
                .contains("gateway-service", "gallery-service");
    }

    @Test
    void artworksGoToTheGalleryAndJobsToTheGateway() {
        assertThat(routes()).contains(new Route("/api/v1/artworks", "gallery-service", "http"));
        assertThat(routes()).filteredOn(r -> "/api/v1/jobs".startsWith(r.path()))
                .extracting(Route::service).containsOnly("gateway-service");
    }

    @Test
    void healthMetricsAndOpenApiStayInsideTheCluster() {
        assertThat(routes()).extracting(Route::path).allSatisfy(path -> {
            assertThat(path).startsWith("/api/");
            assertThat(path).doesNotStartWith("/q");
        });
    }

    @Test
    void everyRouteNamesAPortTheServiceHas() {
        for (Route route : routes()) {
            JsonNode ports = DeployTree.base("Service", route.service()).body().path("spec").path("ports");
            assertThat(ports.findValuesAsText("name")).as("ports of %s", route.service()).contains(route.port());
        }
    }

    @Test
    void everyHostIsServedOverTls() {
        for (Manifest ingress : DeployTree.base("Ingress")) {
            var hosts = new ArrayList<String>();
            ingress.body().path("spec").path("tls").forEach(t -> {
                assertThat(t.path("secretName").asText()).as("TLS Secret of %s", ingress).isNotBlank();
                t.path("hosts").forEach(h -> hosts.add(h.asText()));
            });
            ingress.body().path("spec").path("rules")
                    .forEach(rule -> assertThat(hosts).as("TLS hosts of %s", ingress).contains(rule.path("host").asText()));
        }
    }
}
