package io.pinxit.gallery.verification;

import io.pinxit.catalog.Artwork;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies the file an artwork's page offers for download, exactly as a stranger who downloaded it would: the
 * badge on the page is the verdict on those bytes, not a flag in the database.
 */
@ApplicationScoped
public class StoredArtworkVerifier {

    private final ObjectStore store;
    private final FileVerifier verifier;

    StoredArtworkVerifier(ObjectStore store, FileVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    public VerificationReport verify(Artwork artwork) {
        return verifier.verify(store.read(artwork.image().key()));
    }
}
