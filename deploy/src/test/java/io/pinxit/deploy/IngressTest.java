package io.pinxit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public host routes every path the gateway and the gallery serve to the one serving it, and nothing else. */
class IngressTest {

    static final List<String> PUBLIC = List.of("gateway-service", "gallery-service");

    record Route(String path, String type, String service, String port) {

        boolean matches(String request) {
            return type.equals("Exact") ? request.equals(path)
                    : Pattern.compile("^" + path, Pattern.CASE_INSENSITIVE).matcher(request).lookingAt();
        }
    }

    static List<Route> routes() {
        var routes = new ArrayList<Route>();
        for (Manifest ingress : DeployTree.base("Ingress")) {
            for (JsonNode rule : ingress.body().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode service = path.path("backend").path("service");
                    routes.add(new Route(path.path("path").asText(), path.path("pathType").asText(),
                            service.path("name").asText(), service.path("port").path("name").asText()));
                }
            }
        }
        return routes;
    }

    /**
     * Where ingress-nginx sends a request with regular-expression paths: an Exact path first, else the first of the
     * other paths, longest first, that matches at the start of the request's path.
     */
    static Optional<Route> route(String request) {
        return routes().stream()
                .sorted(Comparator.comparing((Route r) -> !r.type().equals("Exact"))
                        .thenComparing(r -> -r.path().length()))
                .filter(r -> r.matches(request))
                .findFirst();
    }

    static Stream<String> publicServices() {
        return PUBLIC.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicServices")
    void everyPathTheServiceServesIsRoutedToIt(String service) {
        for (String path : ServedPaths.all(service)) {
            assertThat(route(path).map(Route::service)).as("the service %s reaches", path).contains(service);
        }
    }

    @Test
    void healthMetricsAndOpenApiStayInsideTheCluster() {
        for (String path : ServedPaths.internal()) {
            assertThat(route(path)).as("route of %s", path).isEmpty();
        }
    }

    @Test
    void everyRouteReachesAPathItsServiceServes() {
        for (Route route : routes()) {
            assertThat(ServedPaths.all(route.service())).as("paths of %s that %s reaches", route.service(), route)
                    .anySatisfy(path -> assertThat(route(path)).contains(route));
        }
    }

    @Test
    void thePathsAreRegularExpressionsToTheController() {
        for (Manifest ingress : DeployTree.base("Ingress")) {
            assertThat(ingress.body().path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex")
                    .asText()).isEqualTo("true");
        }
        assertThat(routes()).extracting(Route::type).containsOnly("Exact", "ImplementationSpecific");
    }

    @Test
    void onlyTheGatewayAndTheGalleryAreReachableFromOutside() {
        assertThat(routes()).extracting(Route::service).containsOnlyElementsOf(PUBLIC).containsAll(PUBLIC);
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
