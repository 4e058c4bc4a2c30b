package io.pinxit.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.client.Answer;
import io.pinxit.client.ApiException;
import io.pinxit.client.PinxitClient;
import io.pinxit.client.UnreachableException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The client verbs of the {@code pinxit} script: submit and follow jobs, fetch and verify their pictures, list what
 * the gateway serves. Human-readable by default, the API's own JSON with {@code --json}; exit codes in
 * {@link ExitCodes}.
 */
@Command(name = "pinxit", mixinStandardHelpOptions = true, version = "pinxit 0.1.0",
        description = "Makes pictures with a running Pinxit and says where they came from.",
        footer = "%nThe suite itself runs with ./pinxit up, down, status and key (./pinxit --help).",
        subcommands = {SubmitCommand.class, WatchCommand.class, JobsCommand.class, GetCommand.class,
            CancelCommand.class, DownloadCommand.class, VerifyCommand.class, ReproduceCommand.class,
            ModelsCommand.class, StylesCommand.class, KeysCommand.class, WebhookCommand.class, ReportCommand.class,
            ReviewCommand.class, TraceCommand.class, HelpCommand.class})
public final class PinxitCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:PINXIT_GATEWAY_URL:-http://localhost:8080}",
            description = "The gateway (default: PINXIT_GATEWAY_URL, else ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--gallery", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:PINXIT_GALLERY_URL:-http://localhost:8083}",
            description = "The gallery (default: PINXIT_GALLERY_URL, else ${DEFAULT-VALUE}).")
    URI gallery;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "The API key (default: PINXIT_KEY, else the local suite's admin key).")
    String key;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the API's JSON instead of text, for scripts.")
    boolean json;

    private final Map<String, String> environment;
    private PinxitClient client;

    public PinxitCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line with its exit codes and problem printing, for {@link #main} and for tests. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new PinxitCli(environment));
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (failure instanceof ApiException refused) {
                err.println("pinxit: refused (" + refused.status() + "): " + refused.getMessage());
                refused.fieldErrors().forEach(field -> err.println("  " + field));
                return ExitCodes.REFUSED;
            }
            if (failure instanceof UnreachableException unreachable) {
                err.println("pinxit: " + unreachable.getMessage() + "; is Pinxit up? (./pinxit up -d)");
                return ExitCodes.UNREACHABLE;
            }
            throw failure;
        });
        return commandLine;
    }

    /** The client for this run's options, made once. */
    PinxitClient client() {
        if (client == null) {
            client = new PinxitClient(gateway, gallery,
                    Credentials.key(Optional.ofNullable(key), environment, dataDirectory()));
        }
        return client;
    }

    /** The data directory of the suite that {@code ./pinxit up} runs here: PINXIT_DATA_DIR, else {@code ./data}. */
    Path dataDirectory() {
        return Optional.ofNullable(environment.get("PINXIT_DATA_DIR")).map(Path::of).orElse(Path.of("data"));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return json;
    }

    /** Prints a value of the CLI's own as JSON (with {@code --json}). */
    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value + " as JSON", e);
        }
        out().flush();
    }

    /** Prints the answer: its JSON with {@code --json}, else the text {@code human} makes of its value. */
    <T> void print(Answer<T> answer, Function<T, String> human) {
        out().println(json ? answer.json() : human.apply(answer.value()));
        out().flush();
    }
}
