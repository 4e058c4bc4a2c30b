package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {

    @TempDir
    Path directory;

    @Test
    void theFirstCallCreatesACaAndASignerItIssuedAndLaterCallsLoadThem() throws Exception {
        SigningCredentials created = LocalCertificateAuthority.createOrLoad(directory, "Example Org");
        SigningCredentials loaded = LocalCertificateAuthority.createOrLoad(directory, "Example Org");

        assertThat(loaded.chain()).isEqualTo(created.chain());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(created.privateKey().getEncoded());
        X509Certificate signer = created.chain().get(0);
        X509Certificate ca = created.chain().get(1);
        signer.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(signer.getSubjectX500Principal().getName()).contains("O=Example Org");
    }

    @Test
    void theSigningCertificateHasTheEndEntityProfileC2paReadersRequire() throws Exception {
        X509Certificate signer = LocalCertificateAuthority.createOrLoad(directory, "Example Org").signingCertificate();

        assertThat(signer.getBasicConstraints()).as("CA:FALSE").isEqualTo(-1);
        assertThat(signer.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId(), Extension.basicConstraints.getId());
        assertThat(signer.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(signer.getExtendedKeyUsage())
                .contains(SignerCertificate.EMAIL_PROTECTION, SignerCertificate.DOCUMENT_SIGNING);
        assertThat(signer.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(signer.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(signer.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(signer.getNotBefore().toInstant(), signer.getNotAfter().toInstant()))
                .isGreaterThan(Duration.ofDays(365 * 2 - 1));
        assertThat(SignerCertificate.problems(signer, Instant.now())).isEmpty();
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws Exception {
        LocalCertificateAuthority.createOrLoad(directory, "Example Org");

        for (String key : new String[] {"ca-key.pem", "signer-key.pem"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
    }

    @Test
    void credentialsReadFromPemFilesSignLikeTheOriginals() throws Exception {
        LocalCertificateAuthority.createOrLoad(directory, "Example Org");

        SigningCredentials credentials = SigningCredentials.fromPem(
                directory.resolve("signer-key.pem"), directory.resolve("signer-chain.pem"));

        byte[] signed = C2paPng.sign(TestPictures.png(8, 8), TestPictures.generatedPicture(), credentials);
        assertThat(C2paPng.verify(signed, List.of(credentials.chain().get(1))).problems()).isEmpty();
    }

    @Test
    void deletingTheSignerFilesRotatesTheSigningKeyUnderTheSameCa() throws Exception {
        SigningCredentials before = LocalCertificateAuthority.createOrLoad(directory, "Example Org");
        byte[] signedBefore = C2paPng.sign(TestPictures.png(8, 8), TestPictures.generatedPicture(), before);
        Files.delete(directory.resolve("signer-key.pem"));
        Files.delete(directory.resolve("signer-chain.pem"));

        SigningCredentials after = LocalCertificateAuthority.createOrLoad(directory, "Example Org");

        assertThat(after.signingCertificate()).isNotEqualTo(before.signingCertificate());
        assertThat(after.chain().get(1)).isEqualTo(before.chain().get(1));
        assertThat(C2paPng.verify(signedBefore, List.of(after.chain().get(1))).problems()).isEmpty();
    }
}
