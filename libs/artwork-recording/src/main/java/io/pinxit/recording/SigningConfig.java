package io.pinxit.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whose signature every picture carries. In production: the signer's private key and certificate chain as PEM
 * files (from a secret). Otherwise: a local CA directory, where a CA and a signing certificate are made on first use.
 */
@ConfigMapping(prefix = "pinxit.signing")
public interface SigningConfig {

    Optional<Path> keyFile();

    Optional<Path> chainFile();

    @WithDefault("signing")
    Path localCaDirectory();

    /** The organisation a local CA names in its certificates. */
    @WithDefault("Pinxit (local installation)")
    String localOrganisation();
}
