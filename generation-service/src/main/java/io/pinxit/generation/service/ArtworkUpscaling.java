package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.PngEncoding;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.pinxit.recording.StoredImages;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes an upscaled child of a recorded artwork: the parent's stored picture enlarged by the upscaler for the factor,
 * recorded as an {@link ArtworkKind#UPSCALED} artwork whose parent is the original. It owes what the parent owes and
 * what the upscaler's model card asks for; a missing title is the parent's.
 */
@ApplicationScoped
public class ArtworkUpscaling {

    /**
     * The largest side an upscale may have. The network's memory grows with the output area (a 1024² output takes
     * ~0.5 s on two CPU cores); larger pictures would need tiling, which is not implemented.
     */
    static final int MAX_OUTPUT_SIDE = 1024;

    private final ServedUpscalers upscalers;
    private final ArtworkCatalog catalog;
    private final StoredImages images;
    private final ArtworkRecorder recorder;

    ArtworkUpscaling(ServedUpscalers upscalers, ArtworkCatalog catalog, StoredImages images, ArtworkRecorder recorder) {
        this.upscalers = upscalers;
        this.catalog = catalog;
        this.images = images;
        this.recorder = recorder;
    }

    /** Records artwork {@code parentId} enlarged {@code factor} times as item {@code index} of a job. */
    void upscale(UUID parentId, int factor, UUID jobId, int index, Authorship authorship) {
        var served = upscalers.find(factor).orElseThrow(() -> UnknownModelException.forUpscaleFactor(factor));
        CatalogEntry parent = catalog.find(parentId).orElseThrow(() -> new ArtworkNotFoundException(parentId));
        int longerSide = Math.max(parent.artwork().image().width(), parent.artwork().image().height());
        if (longerSide * factor > MAX_OUTPUT_SIDE) {
            throw new IllegalArgumentException("Artwork %s is %d×%d; enlarged %d times it would exceed %d pixels a side"
                    .formatted(parentId, parent.artwork().image().width(), parent.artwork().image().height(), factor,
                            MAX_OUTPUT_SIDE));
        }
        StoredImages.StoredPicture original = images.pictureOf(parent);
        BufferedImage larger = served.upscaler().upscale(original.image());
        String parentTitle = NewArtwork.titleOf(parent);
        var childAuthorship = authorship.title() != null ? authorship
                : new Authorship(authorship.authorId(), authorship.authorName(), parent.artwork().authorship().title(),
                authorship.description(), authorship.licence(), authorship.visibility());
        recorder.record(new NewArtwork(jobId, index, ArtworkKind.UPSCALED, childAuthorship,
                parentTitle + " ×" + factor, served.card(), parent.artwork().label(), Map.of("factor", factor),
                new NewArtwork.Picture(PngEncoding.encode(larger), larger.getWidth(), larger.getHeight(),
                        DjlRuntime.platform(served.card(), DjlRuntime.device())),
                List.of(new NewArtwork.Parent(parentId, Relation.UPSCALE, parentTitle, original.signedPng())),
                NewArtwork.creditsOf(served.card(), List.of(parent))));
    }
}
