package io.pinxit.provenance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for installations without one: an ECDSA P-256 CA and an end-entity signing certificate
 * it issued, shaped as C2PA readers require (C2PA 2.x §14.5.1), kept as PEM files in a directory. Readers show
 * pictures signed this way as valid but from an untrusted signer unless the CA is added to their trust list.
 */
public final class LocalCertificateAuthority {

    /** The CA certificate: what a verifier adds to its trust anchors to trust this installation's pictures. */
    public static final String CA_CERTIFICATE_FILE = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    /** The signing key: what pinxit.signing.key-file names when these files are a worker's credentials. */
    public static final String SIGNER_KEY = "signer-key.pem";
    /** The signing certificate followed by the CA certificate, as {@link SigningCredentials#fromPem} reads it. */
    public static final String SIGNER_CHAIN = "signer-chain.pem";

    private static final Duration CA_VALIDITY = Duration.ofDays(10 * 365);
    private static final Duration SIGNER_VALIDITY = Duration.ofDays(2 * 365);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private LocalCertificateAuthority() {
    }

    /**
     * Loads the signing credentials kept in {@code directory}. When the directory holds no signing certificate, one is
     * issued first, by the directory's CA or, when there is none either, by a new CA; deleting the signer's two files
     * therefore rotates the signing key under the same CA.
     *
     * @param organisation the organisation named in both certificates' subjects
     * @throws IOException if the directory cannot be read or written
     */
    public static SigningCredentials createOrLoad(Path directory, String organisation) throws IOException {
        Path key = directory.resolve(SIGNER_KEY);
        Path chain = directory.resolve(SIGNER_CHAIN);
        if (Files.exists(key) && Files.exists(chain)) {
            return SigningCredentials.fromPem(key, chain);
        }
        Files.createDirectories(directory);
        try {
            create(directory, organisation);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK cannot make ECDSA P-256 certificates: " + e.getMessage(), e);
        }
        return SigningCredentials.fromPem(key, chain);
    }

    /** Issues a new signing certificate, from the directory's CA when it has one, else from a new CA. */
    private static void create(Path directory, String organisation)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        Path caKeyFile = directory.resolve(CA_KEY);
        Path caCertificateFile = directory.resolve(CA_CERTIFICATE_FILE);
        PrivateKey caKey;
        X509Certificate caCertificate;
        if (Files.exists(caKeyFile) && Files.exists(caCertificateFile)) {
            caKey = SigningCredentials.readPrivateKey(caKeyFile);
            caCertificate = SigningCredentials.readCertificates(caCertificateFile).get(0);
        } else {
            KeyPair caKeys = newKeyPair();
            X500Name caName = name(organisation, organisation + " Pinxit signing CA");
            X509v3CertificateBuilder ca = builder(caName, caName, now, CA_VALIDITY, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            caKey = caKeys.getPrivate();
            caCertificate = sign(ca, caKey);
            // PKCS#8 carries the curve in the algorithm identifier, which the JDK's key factory needs to read it back.
            writeSecret(caKeyFile, pem(new JcaPKCS8Generator(caKey, null)));
            write(caCertificateFile, pem(caCertificate));
        }

        KeyPair signerKeys = newKeyPair();
        X509v3CertificateBuilder signer = builder(X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                name(organisation, organisation + " Pinxit picture signer"), now, SIGNER_VALIDITY, signerKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_emailProtection,
                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier(SignerCertificate.DOCUMENT_SIGNING))}))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(signerKeys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(caCertificate.getPublicKey()));
        X509Certificate signerCertificate = sign(signer, caKey);
        writeSecret(directory.resolve(SIGNER_KEY), pem(new JcaPKCS8Generator(signerKeys.getPrivate(), null)));
        write(directory.resolve(SIGNER_CHAIN), pem(signerCertificate) + pem(caCertificate));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X500Name name(String organisation, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant now, Duration validity,
                                                    PublicKey key) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException, CertIOException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    /** Private keys are created readable by their owner only, before any key material is written. */
    private static void writeSecret(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        move(temporary, file);
    }

    private static void write(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        move(temporary, file);
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
