package io.pinxit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paths a service serves over HTTP, each with its path parameters filled in: its API from the OpenAPI document
 * the build writes (target/openapi), and the gallery's web pages from their JAX-RS resources and static files.
 */
final class ServedPaths {

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final String PAGES = "gallery-service/src/main/java/io/pinxit/gallery/web";
    private static final String STATIC = "gallery-service/src/main/resources/META-INF/resources";

    private ServedPaths() {
    }

    /** The operations of the service's OpenAPI document. */
    static List<String> api(String service) {
        Path document = DeployTree.REPOSITORY.resolve(service).resolve("target/openapi/openapi.yaml");
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException(document + " is missing: build " + service + " first (the reactor does)");
        }
        var paths = new TreeSet<String>();
        JsonNode openApi = DeployTree.read(document).get(0).body();
        openApi.path("paths").fieldNames().forEachRemaining(path -> paths.add(concrete(path)));
        return List.copyOf(paths);
    }

    /** The gallery's web pages (resources of its web package that are not REST clients) and static files. */
    static List<String> pages() {
        var paths = new TreeSet<String>();
        for (Path source : files(DeployTree.REPOSITORY.resolve(PAGES))) {
            String java = DeployTree.read(source, "page resource");
            if (java.contains("@RegisterRestClient")) {
                continue;
            }
            int classAt = java.indexOf(" class ");
            Matcher annotation = PATH.matcher(java);
            String root = null;
            while (annotation.find()) {
                if (annotation.start() < classAt) {
                    root = annotation.group(1);
                    paths.add(concrete(join(root, "")));
                } else if (root != null) {
                    paths.add(concrete(join(root, annotation.group(1))));
                }
            }
        }
        Path statics = DeployTree.REPOSITORY.resolve(STATIC);
        files(statics).forEach(file -> paths.add("/" + statics.relativize(file)));
        return List.copyOf(paths);
    }

    /** Paths only the cluster may reach: Quarkus' health, metrics and OpenAPI endpoints. */
    static List<String> internal() {
        return List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/");
    }

    private static String join(String root, String path) {
        String joined = ("/" + root + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String concrete(String template) {
        return PARAMETER.matcher(template).replaceAll("a1");
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> all(String service) {
        var paths = new ArrayList<>(api(service));
        if (service.equals("gallery-service")) {
            paths.addAll(pages());
        }
        return paths;
    }
}
