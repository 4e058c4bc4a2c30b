package io.pinxit.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.client.cli.PinxitCli;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The client verbs of ./pinxit against the packaged suite, as a person or a script would use them. */
@ExtendWith(RunningSuite.Extension.class)
class CommandLineClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;

    @TempDir
    Path folder;

    /** What one run of the CLI printed and how it exited. */
    private record Run(int exitCode, String out, String err) {

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void connect(RunningSuite running) {
        suite = running;
    }

    @Test
    void aGenerationSubmittedAndWatchedIsListedDownloadedAndVerifiedAsTrusted() throws IOException {
        Run submitted = pinxit("submit", "generation", "emoji-dcgan", "-n", "2", "--seed", "21", "--json");
        assertThat(submitted.exitCode()).isZero();
        String jobId = submitted.json().path("id").asText();

        Run watched = pinxit("watch", jobId);
        assertThat(watched.exitCode()).as(watched.err()).isZero();
        assertThat(watched.out()).contains(jobId, "succeeded", "2 artwork(s)");

        assertThat(pinxit("jobs", "--limit", "5").out()).contains(jobId);
        Run got = pinxit("get", jobId, "--json");
        assertThat(got.json().path("state").asText()).isEqualTo("SUCCEEDED");

        Run downloaded = pinxit("download", jobId, "--to", folder.toString());
        assertThat(downloaded.exitCode()).isZero();
        List<Path> pictures = pngsIn(folder);
        assertThat(pictures).hasSize(2);
        Run verified = pinxit("verify", pictures.get(0).toString());
        assertThat(verified.exitCode()).isZero();
        assertThat(verified.out()).startsWith("TRUSTED: ").contains(pictures.get(0).getFileName().toString()
                .replace(".png", ""));
    }

    @Test
    void aStyleTransferOfLocalPicturesSavesItsPreviewsAsItRuns() throws IOException {
        Path content = picture("photo.png", Color.ORANGE);
        Path style = picture("painting.png", Color.BLUE);
        Path previews = folder.resolve("previews");

        Run run = pinxit("submit", "style-transfer", content.toString(), style.toString(), "--size", "64",
                "--method", "neural", "--wait", "--previews", previews.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("running   [");
        assertThat(run.out()).contains("style transfer", "succeeded");
        assertThat(pngsIn(previews)).isNotEmpty();
    }

    @Test
    void aReproductionSaysHowCloseItCame() throws IOException {
        String jobId = pinxit("submit", "generation", "emoji-dcgan", "--seed", "22", "--wait", "--json").out()
                .lines().reduce((first, second) -> second).orElseThrow();
        String artwork = JSON.readTree(jobId).path("artworkIds").get(0).asText();

        Run reproduced = pinxit("reproduce", artwork, "--wait");

        assertThat(reproduced.exitCode()).as(reproduced.err()).isZero();
        assertThat(reproduced.out()).contains("reproduction: identical");
    }

    @Test
    void aJobsTraceRunsFromTheRequestThroughTheWorkersStagesToTheGatewayApplyingItsOutcome() throws IOException {
        String job = JSON.readTree(pinxit("submit", "generation", "emoji-dcgan", "-n", "2", "--wait", "--json").out()
                .lines().reduce((first, second) -> second).orElseThrow()).path("id").asText();
        Map<String, String> localSuite = Map.of("PINXIT_DATA_DIR", suite.dataDirectory().toString());

        // Services export spans in batches, every few seconds.
        await().atMost(RunningSuite.PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Run trace = pinxit(localSuite, "trace", job);
            assertThat(trace.exitCode()).as(trace.err()).isZero();
            assertThat(trace.out().lines().filter(line -> line.startsWith("trace "))).hasSize(1);
            assertThat(trace.out()).contains("gateway-service     POST /api/v1/jobs/generations",
                    "pinxit.generation.commands.interactive publish", "generation job", "generate", "sign", "store",
                    "screen", "thumbnail", "catalog", "gateway-service", "apply job event");
        });

        Run unknown = pinxit(localSuite, "trace", "00000000-0000-7000-8000-000000000000");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no spans of job 00000000-0000-7000-8000-000000000000");
    }

    @Test
    void aReportedArtworkIsInTheQueueUntilAnAdministratorDecides() throws IOException {
        String job = JSON.readTree(pinxit("submit", "generation", "emoji-dcgan", "--seed", "23", "--wait", "--json")
                .out()).path("id").asText();
        String artwork = JSON.readTree(pinxit("get", job, "--json").out()).path("artworkIds").get(0).asText();
        String viewer = Accounts.make(suite, "viewer").key();

        Run reported = pinxitAs(viewer, "report", artwork, "looks", "wrong");
        assertThat(reported.exitCode()).isZero();
        assertThat(reported.out()).startsWith("report ").contains(artwork, "looks wrong");
        assertThat(pinxitAs(viewer, "review", "queue").exitCode()).isEqualTo(3);
        assertThat(pinxit("review", "queue").out()).contains(artwork, "looks wrong");

        Run decided = pinxit("review", "decide", artwork, "blurred", "--note", "suggestive");
        assertThat(decided.out()).contains("artwork " + artwork + " is now blurred");
        assertThat(pinxit("review", "queue").out()).doesNotContain(artwork);
        assertThat(pinxit("review", "decide", artwork, "sometimes").exitCode()).isEqualTo(3);
    }

    @Test
    void myWebhooksSecretIsMadeShownOnceAndRemovedAndAJobsOwnWebhookIsCheckedLikeAnyTarget() {
        Run set = pinxit("webhook", "set");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("no default URL").containsPattern("signing secret \\(shown once\\): whsec_\\S+");
        assertThat(pinxit("webhook", "show").out()).contains("no default URL").doesNotContain("whsec_");

        Run privateTarget = pinxit("submit", "generation", "emoji-dcgan", "--webhook", "http://127.0.0.1:9/hook");
        assertThat(privateTarget.exitCode()).isEqualTo(3);
        assertThat(privateTarget.err()).contains("refused (400)", "webhook");

        assertThat(pinxit("webhook", "remove").exitCode()).isZero();
        assertThat(pinxit("webhook", "show").exitCode()).isEqualTo(3);
    }

    @Test
    void theServedModelsTheStyleLibraryAndMyKeysAreListed() {
        assertThat(pinxit("models").out()).contains("emoji-dcgan", "emoji-vae")
                .containsPattern("emoji-words .* prompt \\(\\d+ words\\)")
                .containsPattern("emoji-cgan .* label \\(smileys-emotion, .*flags\\)");
        assertThat(pinxit("styles").out()).contains("The Great Wave off Kanagawa", "fast");
        Run keys = pinxit("keys", "--json");
        assertThat(keys.exitCode()).isZero();
        assertThat(keys.out()).startsWith("[").contains("\"scopes\"");
    }

    @Test
    void aKeyIssuedFromTheCommandLineWorksUntilItIsRevoked() throws IOException {
        Run issued = pinxit("keys", "issue", "dashboard", "--scope", "jobs:read", "--json");
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        String id = issued.json().path("id").asText();
        String secret = issued.json().path("secret").asText();
        assertThat(issued.json().path("scopes").toString()).isEqualTo("[\"jobs:read\"]");

        assertThat(pinxitAs(secret, "jobs", "--limit", "1").exitCode()).isZero();
        Run submitting = pinxitAs(secret, "submit", "generation", "emoji-dcgan");
        assertThat(submitting.exitCode()).isEqualTo(3);
        assertThat(submitting.err()).contains("refused (403)");

        assertThat(pinxit("keys", "revoke", id).exitCode()).isZero();
        assertThat(pinxitAs(secret, "jobs").exitCode()).isEqualTo(3);
        assertThat(pinxit("keys").out()).containsPattern(id + " .*revoked");
    }

    @Test
    void mistakesExitWithCodesThatSayWhose() throws IOException {
        Run unknownModel = pinxit("submit", "generation", "no-such-model");
        assertThat(unknownModel.exitCode()).isEqualTo(3);
        assertThat(unknownModel.err()).contains("refused (400)", "emoji-dcgan");

        Run noSuchFile = pinxit("submit", "style-transfer", "missing.png", "also-missing.png");
        assertThat(noSuchFile.exitCode()).isEqualTo(2);
        assertThat(noSuchFile.err()).contains("'missing.png' is neither a readable picture file nor an artwork id");

        Path notAPicture = Files.writeString(folder.resolve("notes.txt"), "not a picture");
        Run notTrusted = pinxit("verify", notAPicture.toString());
        assertThat(notTrusted.exitCode()).isEqualTo(1);
        assertThat(notTrusted.out()).startsWith("NOT_AN_IMAGE");

        Run nobodyThere = pinxit("models", "--gateway", "http://127.0.0.1:1");
        assertThat(nobodyThere.exitCode()).isEqualTo(4);
        assertThat(nobodyThere.err()).contains("is Pinxit up?");
    }

    /** Runs the CLI in this JVM against the suite, with the admin's key; an argument may name another gateway. */
    private static Run pinxit(String... args) {
        return pinxit(Map.of(), args);
    }

    /** Runs the CLI with another key than the admin's. */
    private static Run pinxitAs(String key, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--gateway", suite.gateway(), "--gallery", suite.gallery(), "--key", key));
        return run(Map.of(), command);
    }

    private static Run pinxit(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        if (!command.contains("--gateway")) {
            command.addAll(List.of("--gateway", suite.gateway()));
        }
        command.addAll(List.of("--gallery", suite.gallery(), "--key", suite.adminKey()));
        return run(environment, command);
    }

    private static Run run(Map<String, String> environment, List<String> command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = PinxitCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(command.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Path picture(String name, Color colour) throws IOException {
        var image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                image.setRGB(x, y, (x + y) % 8 < 4 ? colour.getRGB() : Color.WHITE.getRGB());
            }
        }
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static List<Path> pngsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".png")).sorted().toList();
        }
    }
}
