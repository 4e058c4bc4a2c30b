package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.Reproduction;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.PixelComparison;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.StoredImages;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;

/**
 * Re-runs the job that made an artwork, exactly as its provenance records it, and compares the new pixels with
 * the stored ones: identical, a rounding step apart (other kernels), or different; and on which platforms. Records
 * nothing: a reproduction proves, it does not add to the gallery.
 */
@ApplicationScoped
public class ReproductionCheck {

    private final ArtworkCatalog catalog;
    private final ServedGenerators generators;
    private final StoredImages images;

    ReproductionCheck(ArtworkCatalog catalog, ServedGenerators generators, StoredImages images) {
        this.catalog = catalog;
        this.generators = generators;
        this.images = images;
    }

    public Reproduction check(GenerationCommand command) {
        CatalogEntry original = catalog.find(command.reproductionOf())
                .orElseThrow(() -> new ArtworkNotFoundException(command.reproductionOf()));
        if (original.artwork().kind() != ArtworkKind.GENERATED) {
            throw new IllegalArgumentException("Artwork " + original.artwork().id() + " is "
                    + original.artwork().kind() + ", not generated from a seed: only generated artworks reproduce");
        }
        ImageGenerator generator = generators.find(original.artwork().modelId())
                .orElseThrow(() -> UnknownModelException.forModel(original.artwork().modelId()));
        GeneratedImage again = ArtworkProduction.pictures(generator, command).get(original.artwork().index());
        BufferedImage stored = PixelDigest.decoded(images.of(original));
        BufferedImage reproduced = PixelDigest.decoded(again.png());
        PixelComparison comparison = PixelComparison.of(stored, reproduced);
        return new Reproduction(original.artwork().id(), comparison.identical(), PixelDigest.of(stored),
                PixelDigest.of(reproduced),
                Reproduction.closenessOf(comparison.maxDifference()), comparison.maxDifference(),
                comparison.identical() ? null : comparison.psnr(), original.provenance().producer().platform(),
                DjlRuntime.platform(generator.card(), again.device()));
    }
}
