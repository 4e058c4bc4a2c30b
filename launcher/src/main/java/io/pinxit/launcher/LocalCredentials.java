package io.pinxit.launcher;

import io.pinxit.provenance.LocalCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The credentials a local suite keeps in its data folder: a CA and signing certificate for the C2PA manifests of
 * every picture, made before any service starts so that no two services race to make them, and the file in which
 * the gateway leaves the first admin API key.
 */
public final class LocalCredentials {

    static final String ORGANISATION = "Pinxit (local installation)";

    private LocalCredentials() {
    }

    public static Path adminKeyFile(Path dataDirectory) {
        return dataDirectory.resolve("secrets").resolve("admin.key");
    }

    public static Path signingDirectory(Path dataDirectory) {
        return dataDirectory.resolve("signing");
    }

    /** Makes what is missing, and returns the properties that point each service at its credentials. */
    static Map<String, Map<String, String>> prepare(Path dataDirectory) {
        Path signing = signingDirectory(dataDirectory);
        try {
            LocalCertificateAuthority.createOrLoad(signing, ORGANISATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make or read the local signing CA in " + signing, e);
        }
        return Map.of(
                "gateway-service", Map.of("pinxit.identity.bootstrap-key-file", adminKeyFile(dataDirectory).toString()),
                "generation-service", Map.of("pinxit.signing.local-ca-directory", signing.toString()),
                "style-service", Map.of("pinxit.signing.local-ca-directory", signing.toString()),
                "gallery-service", Map.of("pinxit.signing.trust-anchors",
                        signing.resolve(LocalCertificateAuthority.CA_CERTIFICATE_FILE).toString()));
    }
}
