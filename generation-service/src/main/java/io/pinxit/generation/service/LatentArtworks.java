package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.LatentPoint;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.StoredImages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finds the served models whose latent space can be reached, and where in it their artworks lie. */
@ApplicationScoped
public class LatentArtworks {

    private final ServedGenerators generators;
    private final ArtworkCatalog catalog;
    private final StoredImages images;

    LatentArtworks(ServedGenerators generators, ArtworkCatalog catalog, StoredImages images) {
        this.generators = generators;
        this.catalog = catalog;
        this.images = images;
    }

    /** An artwork, its stored picture, and the point of the latent space it was encoded to. */
    record LocatedArtwork(StoredImages.StoredPicture picture, LatentPoint point) {

        CatalogEntry entry() {
            return picture.entry();
        }
    }

    /**
     * @throws UnknownModelException when the model is not served
     * @throws IllegalArgumentException when the model has no reachable latent space (a GAN)
     */
    LatentImageGenerator generator(String modelId) {
        var generator = generators.find(modelId).orElseThrow(() -> UnknownModelException.forModel(modelId));
        if (!(generator instanceof LatentImageGenerator latent)) {
            throw new IllegalArgumentException("Model '" + modelId
                    + "' is a " + generator.card().family() + ": only a VAE can vary artworks and interpolate");
        }
        return latent;
    }

    /**
     * Where an artwork that {@code generator}'s model made lies, encoded from its stored picture with its label.
     *
     * @throws ArtworkNotFoundException when the catalog does not hold it
     * @throws IllegalArgumentException when another model made it
     */
    LocatedArtwork locate(LatentImageGenerator generator, UUID artworkId) {
        CatalogEntry entry = catalog.find(artworkId).orElseThrow(() -> new ArtworkNotFoundException(artworkId));
        String modelId = generator.card().id();
        if (!entry.artwork().modelId().equals(modelId)) {
            throw new IllegalArgumentException("Artwork %s was made by model '%s', not '%s'"
                    .formatted(artworkId, entry.artwork().modelId(), modelId));
        }
        StoredImages.StoredPicture picture = images.pictureOf(entry);
        return new LocatedArtwork(picture, generator.encode(picture.image(), entry.artwork().label()));
    }
}
