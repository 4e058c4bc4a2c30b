package io.pinxit.gateway.security;

import io.pinxit.apikeys.KeySecrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh installation its first admin key: from configuration (a secret in a cluster), or, on a local
 * machine, from a key file that is made on first start and readable only by its owner.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ADMIN = "admin";

    void onStart(@Observes StartupEvent start, Accounts accounts,
                 @ConfigProperty(name = "pinxit.identity.bootstrap-key") Optional<String> key,
                 @ConfigProperty(name = "pinxit.identity.bootstrap-key-file") Optional<Path> keyFile) {
        key.or(() -> keyFile.map(AdminBootstrap::readOrCreate))
                .ifPresent(secret -> accounts.ensureAdminKey(ADMIN, secret));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String secret = KeySecrets.newSecret();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), secret + "\n");
            LOG.infof("Made the first admin API key in %s", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the admin key file " + file, e);
        }
    }
}
