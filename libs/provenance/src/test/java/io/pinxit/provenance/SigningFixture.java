package io.pinxit.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;

/** One local CA for a whole test run; making keys is the slow part of these tests. */
final class SigningFixture {

    static final SigningCredentials CREDENTIALS = create();

    private SigningFixture() {
    }

    static X509Certificate certificateAuthority() {
        return CREDENTIALS.chain().get(1);
    }

    private static SigningCredentials create() {
        try {
            return LocalCertificateAuthority.createOrLoad(
                    Files.createTempDirectory("pinxit-test-ca"), "Pinxit Test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
