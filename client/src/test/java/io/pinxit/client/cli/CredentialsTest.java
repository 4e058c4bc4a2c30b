package io.pinxit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path data;

    @Test
    void theOptionComesFirstThenTheEnvironmentThenTheLocalSuitesAdminKey() throws IOException {
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/admin.key"), "pxk_fromTheFile\n");
        Map<String, String> environment = Map.of("PINXIT_KEY", "pxk_fromTheEnvironment");

        assertThat(Credentials.key(Optional.of("pxk_given"), environment, data)).contains("pxk_given");
        assertThat(Credentials.key(Optional.empty(), environment, data)).contains("pxk_fromTheEnvironment");
        assertThat(Credentials.key(Optional.empty(), Map.of(), data)).contains("pxk_fromTheFile");
    }

    @Test
    void withoutAnyThereIsNoKeyAndTheApiSaysWhatIsMissing() {
        assertThat(Credentials.key(Optional.empty(), Map.of(), data)).isEmpty();
    }
}
