package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.Reproduction;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Re-runs the job that made an artwork, exactly as its provenance records it, and compares the new pixels with
 * the stored ones. Records nothing: a reproduction proves, it does not add to the gallery.
 */
@ApplicationScoped
public class ReproductionCheck {

    private final ArtworkCatalog catalog;
    private final ServedGenerators generators;
    private final ObjectStore store;

    ReproductionCheck(ArtworkCatalog catalog, ServedGenerators generators, ObjectStore store) {
        this.catalog = catalog;
        this.generators = generators;
        this.store = store;
    }

    public Reproduction check(GenerationCommand command) {
        CatalogEntry original = catalog.find(command.reproductionOf())
                .orElseThrow(() -> new IllegalArgumentException("No artwork " + command.reproductionOf()));
        ImageGenerator generator = generators.find(original.artwork().modelId())
                .orElseThrow(() -> new UnknownModelException(original.artwork().modelId()));
        GeneratedImage again = generator.generate(command.seed(), command.count()).get(original.artwork().index());
        String stored = PixelDigest.of(storedImage(original));
        String reproduced = PixelDigest.of(again.png());
        return new Reproduction(original.artwork().id(), stored.equals(reproduced), stored, reproduced);
    }

    private byte[] storedImage(CatalogEntry entry) {
        try (InputStream image = store.open(entry.artwork().image().key())) {
            return image.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored image of artwork " + entry.artwork().id(), e);
        }
    }
}
