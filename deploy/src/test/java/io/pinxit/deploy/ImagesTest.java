package io.pinxit.deploy;

import static io.pinxit.deploy.Workloads.containers;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.apikeys.KeySecrets;
import io.pinxit.infra.KafkaBroker;
import io.pinxit.infra.PostgresServer;
import io.pinxit.infra.S3Server;
import io.pinxit.provenance.LocalCertificateAuthority;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The images the build makes boot with the configuration the manifests give them: the dev overlay's migrations Job
 * and four Deployments, each container started with podman exactly as its pod would be (environment, Secrets,
 * volumes, user, read-only root, limits; ClusterOnThisMachine), against a real Kafka that signs clients in with
 * SCRAM, a real PostgreSQL and a real S3 store on loopback. Then one job flows through them.
 */
class ImagesTest {

    static final Path WORK = DeployTree.DEPLOY.resolve("target/images-test");
    static final Path IMAGES = DeployTree.DEPLOY.resolve("images");
    static final String BASE_IMAGE = "localhost/pinxit-jre:17";
    static final String PREFIX = "pinxit-images-test-";
    static final Duration BUILD = Duration.ofMinutes(15);
    static final Duration START = Duration.ofMinutes(4);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The host the Ingress serves; the requests that come through it say so in X-Forwarded-* headers. */
    static final String PUBLIC_HOST = "pinxit.example.org";
    static final String PUBLIC_ORIGIN = "https://" + PUBLIC_HOST;

    static Podman podman;
    static KafkaBroker kafka;
    static PostgresServer postgres;
    static S3Server s3;
    static final List<String> started = new ArrayList<>();
    static String adminKey;

    @BeforeAll
    static void buildTheImagesAndStartTheSuiteFromTheManifests() throws IOException {
        podman = new Podman(WORK);
        String why = podman.whyItCannotRun();
        Assumptions.assumeTrue(why == null, () -> "podman cannot run containers on this machine, so the images are "
                + "neither built nor started: " + why);
        removeLeftovers();
        for (String service : ServiceConfig.services()) {
            int port = ServiceConfig.of(service).httpPort();
            assertThat(isFree(port)).as("port %d, where %s's container listens, is free (stop ./pinxit first)", port,
                    service).isTrue();
        }
        buildImages();

        kafka = KafkaBroker.startWithScramListener(WORK.resolve("kafka"));
        postgres = PostgresServer.start(WORK.resolve("postgres"), 0, false);
        s3 = S3Server.start(WORK.resolve("s3"), 0, false);
        var cluster = new ClusterOnThisMachine(Rendering.of(DeployTree.DEV), addresses(), secrets(), secretFiles());

        runToCompletion(cluster, Rendering.of(DeployTree.DEV).get("Job", "pinxit-migrations"));
        for (Manifest deployment : Rendering.of(DeployTree.DEV).all("Deployment")) {
            start(cluster, deployment);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (podman != null) {
            started.forEach(name -> podman.run(Duration.ofMinutes(1), List.of("rm", "--force", "--time", "5", name)));
        }
        for (AutoCloseable part : new AutoCloseable[] {kafka, postgres, s3}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyServiceBecomesReadyAndAJobFlowsFromTheGatewayThroughAWorkerToTheGallery() throws Exception {
        for (Manifest deployment : Rendering.of(DeployTree.DEV).all("Deployment")) {
            awaitReady(deployment.name());
        }

        String location = await("the gateway accepts a generation once the worker announced its models")
                .atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(ImagesTest::submitGeneration, accepted -> accepted != null);
        assertThat(location).as("the job's address, as the ingress's clients see it").startsWith(PUBLIC_ORIGIN);
        String job = "http://127.0.0.1:8080" + location.substring(PUBLIC_ORIGIN.length());
        JsonNode done = await("the job succeeds").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(job), j -> j.path("state").asText().matches("SUCCEEDED|FAILED"));
        assertThat(done.path("state").asText()).as("job %s", done).isEqualTo("SUCCEEDED");

        String artwork = done.path("artworkIds").get(0).asText();
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8083/api/v1/artworks/" + artwork + "/image")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(get("http://127.0.0.1:8083/api/v1/artworks/" + artwork).path("provenance").path("producer")
                .path("worker").asText()).as("made by the worker's container, named like its pod")
                .startsWith(PREFIX + "generation-service");
    }

    @Test
    void behindTheIngressTheGallerysCookiesAreSecureAndEveryAnswerAsksForHttps() throws Exception {
        awaitReady("gallery-service");
        awaitReady("gateway-service");
        var form = HTTP.send(overHttps("http://127.0.0.1:8083/sign-in").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the sign-in form's token").isTrue();

        var signIn = HTTP.send(overHttps("http://127.0.0.1:8083/sign-in")
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("key=" + adminKey + "&csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(session ->
                assertThat(session).startsWith("pinxit_session=").containsIgnoringCase("Secure")
                        .containsIgnoringCase("HttpOnly"));
        var api = HTTP.send(overHttps("http://127.0.0.1:8080/api/v1/models").build(),
                HttpResponse.BodyHandlers.discarding());
        for (var answer : List.of(form, signIn, api)) {
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        }
    }

    /** A request as the TLS ingress forwards it. */
    private static HttpRequest.Builder overHttps(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC_HOST);
    }

    private static void buildImages() {
        var base = podman.script(BUILD, IMAGES.resolve("local-jre-base.sh"), Map.of(), BASE_IMAGE);
        assertThat(base.exitCode()).as("local-jre-base.sh: %s", base.output()).isZero();
        var build = podman.script(BUILD, IMAGES.resolve("build.sh"), Map.of("BASE_IMAGE", BASE_IMAGE));
        assertThat(build.exitCode()).as("build.sh: %s", build.output()).isZero();
    }

    /** Where each Service the ConfigMaps name is on this machine. */
    private static Map<String, String> addresses() {
        return Map.of(
                "pinxit-kafka-bootstrap:9092", kafka.scramBootstrapServers(),
                "pinxit-db-rw:5432", "127.0.0.1:" + postgres.port(),
                "http://minio", s3.endpoint(),
                "gateway-service:8080", "127.0.0.1:" + ServiceConfig.of("gateway-service").httpPort());
    }

    /** The values of the Secrets the operators or a person would make; each KafkaUser signs in for real. */
    private static Map<String, Map<String, String>> secrets() {
        var secrets = new HashMap<String, Map<String, String>>();
        for (Manifest user : DeployTree.base("KafkaUser")) {
            String password = random();
            kafka.addScramUser(user.name(), password);
            secrets.put(user.name(), Map.of("password", password, "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user.name()
                            + "\" password=\"" + password + "\";"));
        }
        secrets.put("pinxit-db-app", Map.of("username", postgres.username(), "password", postgres.password()));
        secrets.put("pinxit-storage-user", Map.of("CONSOLE_ACCESS_KEY", s3.accessKey(), "CONSOLE_SECRET_KEY",
                s3.secretKey()));
        adminKey = KeySecrets.newSecret();
        secrets.put("pinxit-bootstrap-key", Map.of("PINXIT_IDENTITY_BOOTSTRAP_KEY", adminKey));
        return secrets;
    }

    /** The signing Secret's files, as its mount shows them (key.pem, chain.pem), readable by the pods' user. */
    private static Map<String, Path> secretFiles() throws IOException {
        Path authority = WORK.resolve("signing-authority");
        LocalCertificateAuthority.createOrLoad(authority, "Pinxit image tests");
        Path signing = Files.createDirectories(WORK.resolve("signing"));
        Files.copy(authority.resolve(LocalCertificateAuthority.SIGNER_KEY), signing.resolve("key.pem"),
                REPLACE_EXISTING);
        Files.copy(authority.resolve(LocalCertificateAuthority.SIGNER_CHAIN), signing.resolve("chain.pem"),
                REPLACE_EXISTING);
        signing.toFile().setReadable(true, false);
        signing.resolve("key.pem").toFile().setReadable(true, false);
        signing.resolve("chain.pem").toFile().setReadable(true, false);
        return Map.of("pinxit-signing", signing);
    }

    private static void runToCompletion(ClusterOnThisMachine cluster, Manifest job) {
        for (JsonNode container : containers(job)) {
            String name = PREFIX + job.name() + "-" + container.path("name").asText();
            var arguments = new ArrayList<>(List.of("run"));
            arguments.addAll(cluster.runArguments(job, container, name));
            started.add(name);
            var run = podman.run(START, arguments);
            assertThat(run.exitCode()).as("%s: %s", name, run.output()).isZero();
        }
    }

    private static void start(ClusterOnThisMachine cluster, Manifest deployment) {
        String name = PREFIX + deployment.name();
        var arguments = new ArrayList<>(List.of("run", "--detach"));
        arguments.addAll(cluster.runArguments(deployment, Workloads.container(deployment), name));
        started.add(name);
        var run = podman.run(Duration.ofMinutes(1), arguments);
        assertThat(run.exitCode()).as("%s: %s", name, run.output()).isZero();
    }

    private static void awaitReady(String service) {
        String url = "http://127.0.0.1:" + ServiceConfig.of(service).httpPort() + "/q/health/ready";
        try {
            await(service + " ready").atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            throw new AssertionError(service + " did not become ready; its log:\n"
                    + podman.run(Duration.ofMinutes(1), List.of("logs", "--tail", "60", PREFIX + service)).output(), e);
        }
    }

    /** The new job's address, or null while the gateway does not serve the model yet; sent as the ingress would. */
    private static String submitGeneration() throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/v1/jobs/generations"))
                        .header("Authorization", "Bearer " + adminKey)
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", PUBLIC_HOST)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"emoji-dcgan\",\"count\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 202 ? response.headers().firstValue("Location").orElseThrow() : null;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminKey)
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void removeLeftovers() {
        var names = podman.run(Duration.ofMinutes(1), List.of("ps", "--all", "--format", "{{.Names}}")).output();
        names.lines().filter(name -> name.startsWith(PREFIX))
                .forEach(name -> podman.run(Duration.ofMinutes(1), List.of("rm", "--force", name)));
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
