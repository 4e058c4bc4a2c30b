package io.pinxit.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI's API key comes from: {@code --key}, else {@code PINXIT_KEY}, else the first admin key of the suite
 * that {@code ./pinxit up} runs on this machine ({@code secrets/admin.key} in its data directory).
 */
final class Credentials {

    private Credentials() {
    }

    static Optional<String> key(Optional<String> option, Map<String, String> environment, Path dataDirectory) {
        if (option.isPresent()) {
            return option;
        }
        String fromEnvironment = environment.get("PINXIT_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.strip());
        }
        Path keyFile = dataDirectory.resolve("secrets").resolve("admin.key");
        if (!Files.isReadable(keyFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(keyFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + keyFile, e);
        }
    }
}
