package io.pinxit.client.cli;

import io.pinxit.client.ApiKey;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "List my API keys (never their secrets), revoked ones included.")
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Override
    public Integer call() {
        cli.print(cli.client().listKeys(), KeysCommand::text);
        return ExitCodes.OK;
    }

    private static String text(List<ApiKey> keys) {
        return keys.stream()
                .map(key -> "%s  %-20s %s%s".formatted(key.id(), key.name(), String.join(",", key.scopes()),
                        key.revokedAt() == null ? "" : "  revoked " + key.revokedAt()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
