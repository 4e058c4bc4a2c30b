package io.pinxit.provenance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The key that signs claims and its certificate chain, end-entity certificate first, then the issuing CA(s).
 * The whole chain goes into every manifest's {@code x5chain}, so a manifest stays verifiable after the key rotates.
 */
public record SigningCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain must hold at least the signing certificate");
        }
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("only ECDSA P-256 keys (ES256) are supported, got " + privateKey.getAlgorithm());
        }
    }

    public X509Certificate signingCertificate() {
        return chain.get(0);
    }

    /**
     * Reads a PEM private key (PKCS#8 or SEC1 "EC PRIVATE KEY") and a PEM file of certificates, end-entity first.
     *
     * @throws IOException if a file cannot be read or does not hold what is expected
     */
    public static SigningCredentials fromPem(Path keyPem, Path chainPem) throws IOException {
        return new SigningCredentials(readPrivateKey(keyPem), readCertificates(chainPem));
    }

    static PrivateKey readPrivateKey(Path keyPem) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException(keyPem + " holds no unencrypted PEM private key");
        }
    }

    static List<X509Certificate> readCertificates(Path chainPem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(chainPem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(chainPem + " holds an unreadable certificate", e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(chainPem + " holds no PEM certificate");
        }
        return certificates;
    }
}
