package io.pinxit.gallery.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The CA certificates whose signatures this gallery trusts: this installation's own CA, and any others configured.
 * Read on each use, so a rotated or newly made CA is picked up without a restart.
 */
@ApplicationScoped
public class TrustAnchors {

    private static final Logger LOG = Logger.getLogger(TrustAnchors.class);

    private final List<Path> files;

    TrustAnchors(@ConfigProperty(name = "pinxit.signing.trust-anchors") Optional<List<Path>> files) {
        this.files = files.orElse(List.of());
    }

    public List<X509Certificate> certificates() {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : files) {
            try (InputStream pem = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(pem).stream()
                        .map(X509Certificate.class::cast).forEach(anchors::add);
            } catch (IOException | CertificateException e) {
                LOG.warnf("Trust anchors in %s cannot be read: %s", file, e.getMessage());
            }
        }
        return anchors;
    }
}
