package io.pinxit.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.provenance.LocalCertificateAuthority;
import io.pinxit.provenance.SigningCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;

/** Wires the libraries a recording worker shares (catalog, ids, signing) from its configuration. */
public class RecordingProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    TimeOrderedIds ids(Clock clock) {
        return new TimeOrderedIds(clock);
    }

    @Produces
    @ApplicationScoped
    ArtworkCatalog catalog(AgroalDataSource dataSource, ObjectMapper json) {
        return new ArtworkCatalog(dataSource, json);
    }

    @Produces
    @Singleton
    SigningCredentials signingCredentials(SigningConfig config) throws IOException {
        if (config.keyFile().isPresent() && config.chainFile().isPresent()) {
            return SigningCredentials.fromPem(config.keyFile().get(), config.chainFile().get());
        }
        return LocalCertificateAuthority.createOrLoad(config.localCaDirectory(), config.localOrganisation());
    }
}
