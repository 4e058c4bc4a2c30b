package io.pinxit.style;

import static io.pinxit.style.TestPictures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Visibility;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.SigningCredentials;
import io.pinxit.provenance.Verification;
import io.pinxit.storage.ObjectStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the tests of the style worker against the real broker, database and store share. */
abstract class StyleWorkerTestBase {

    static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", null, null, "CC-BY-4.0",
            Visibility.PUBLIC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArtworkCatalog catalog;

    @Inject
    ObjectStore store;

    @Inject
    SigningCredentials signing;

    WorkerKafka kafka;

    @BeforeEach
    void connect() {
        kafka = new WorkerKafka(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** The stored picture's manifest, checked against the worker's own CA: it must be valid. */
    Verification validManifestOf(String key) throws IOException {
        Verification manifest = C2paPng.verify(stored(store, key), List.of(signing.chain().get(1)));
        assertThat(manifest.valid()).as("%s", manifest.problems()).isTrue();
        return manifest;
    }
}
