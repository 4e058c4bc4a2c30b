package io.pinxit.provenance;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Checks on the certificate chain of a claim signature: the C2PA signer profile (C2PA 2.x §14.5) and trust. */
final class SignerCertificate {

    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    private static final Set<String> SIGNING_USAGES = Set.of(EMAIL_PROTECTION, DOCUMENT_SIGNING,
            "1.3.6.1.4.1.311.76.59.1.9", "1.3.6.1.4.1.62558.2.1");
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;

    private SignerCertificate() {
    }

    /** Why the end-entity certificate may not sign C2PA claims at {@code time}; empty when it may. */
    static List<String> problems(X509Certificate certificate, Instant time) {
        List<String> problems = new ArrayList<>();
        try {
            certificate.checkValidity(Date.from(time));
        } catch (GeneralSecurityException e) {
            problems.add("signing certificate is not valid at " + time + " (valid " + certificate.getNotBefore().toInstant()
                    + " to " + certificate.getNotAfter().toInstant() + ")");
        }
        if (certificate.getBasicConstraints() >= 0) {
            problems.add("signing certificate is a CA certificate; C2PA requires an end-entity certificate");
        }
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            problems.add("signing certificate is self-signed; C2PA requires one issued by a CA");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !usage[DIGITAL_SIGNATURE] || usage[KEY_CERT_SIGN]) {
            problems.add("signing certificate's key usage must include digitalSignature and exclude keyCertSign");
        }
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended == null || extended.stream().noneMatch(SIGNING_USAGES::contains)) {
                problems.add("signing certificate has no extended key usage that C2PA accepts (e.g. emailProtection)");
            }
        } catch (CertificateParsingException e) {
            problems.add("signing certificate's extended key usage cannot be read");
        }
        return problems;
    }

    /** Whether the chain, end-entity first, leads to one of the anchors through valid signatures. */
    static boolean trusted(List<X509Certificate> chain, Collection<X509Certificate> anchors, Instant time) {
        if (anchors.isEmpty()) {
            return false;
        }
        Set<TrustAnchor> trustAnchors = new HashSet<>();
        anchors.forEach(anchor -> trustAnchors.add(new TrustAnchor(anchor, null)));
        // A path ends just below its anchor: drop an anchor that the signer included at the end of x5chain.
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && anchors.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(time));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static Verification.Signer signer(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        Optional<String> organisation = Optional.empty();
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("O")) {
                    organisation = Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            organisation = Optional.empty();
        }
        return new Verification.Signer(subject, organisation);
    }
}
