package io.pinxit.style.service;

import io.pinxit.contracts.Sha256;
import io.pinxit.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Whole objects read back from the object store. */
final class StoredBytes {

    private StoredBytes() {
    }

    /** @throws io.pinxit.storage.ObjectNotFoundException when nothing is stored under {@code key} */
    static byte[] read(ObjectStore store, String key) {
        try (InputStream stored = store.open(key)) {
            return stored.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key + " from the object store", e);
        }
    }

    /** @throws IllegalStateException when the stored bytes are not the ones whose SHA-256 was recorded */
    static byte[] readChecked(ObjectStore store, String key, String sha256) {
        byte[] bytes = read(store, key);
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new IllegalStateException("The object stored at " + key + " is not the one recorded (SHA-256 "
                    + sha256 + ")");
        }
        return bytes;
    }
}
