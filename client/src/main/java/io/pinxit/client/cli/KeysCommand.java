package io.pinxit.client.cli;

import io.pinxit.client.ApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "List my API keys (never their secrets), revoked ones included; issue and revoke them.",
        subcommands = {KeysCommand.Issue.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Override
    public Integer call() {
        cli.print(cli.client().listKeys(), KeysCommand::text);
        return ExitCodes.OK;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Issues a key for my account and prints its secret, shown this once.",
                "A key passes on at most the scopes it holds, for no longer than it lives."})
    static final class Issue implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "NAME", description = "What the key is for, e.g. dashboard.")
        String name;

        @Option(names = "--scope", paramLabel = "SCOPE", split = ",",
                description = "jobs:read, jobs:submit, models:register, admin (default: those of the calling key).")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "TIME",
                description = "When it stops working, e.g. 2027-01-31T00:00:00Z (default: when the calling key does).")
        Instant expiresAt;

        @Override
        public Integer call() {
            keys.cli.print(keys.cli.client().issueKey(name, scopes, Optional.ofNullable(expiresAt)),
                    issued -> "%s  %-20s %s%n%s".formatted(issued.id(), issued.name(),
                            String.join(",", issued.scopes()), issued.secret()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes one of my keys: every request made with it is refused from then on.")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "KEY", description = "The key's id (./pinxit keys lists them).")
        UUID id;

        @Override
        public Integer call() {
            keys.cli.client().revokeKey(id);
            return ExitCodes.OK;
        }
    }

    private static String text(List<ApiKey> keys) {
        return keys.stream()
                .map(key -> "%s  %-20s %s%s".formatted(key.id(), key.name(), String.join(",", key.scopes()),
                        key.revokedAt() == null ? "" : "  revoked " + key.revokedAt()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
