package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.InterpolationCommand.Endpoint;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.LatentPoint;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.pinxit.recording.StoredImages;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Walks a model's latent space between two ends in equal steps (spherically for the latent vector, linearly between
 * labels) and records every step as a {@link ArtworkKind#FRAME} artwork, children of the end artworks, then all frames
 * as one looping {@link ArtworkKind#ANIMATION} artwork made of them. Safe to repeat: recorded items are skipped.
 */
@ApplicationScoped
public class ArtworkInterpolations {

    private final LatentArtworks latentArtworks;
    private final ArtworkCatalog catalog;
    private final StoredImages images;
    private final ArtworkRecorder recorder;

    ArtworkInterpolations(LatentArtworks latentArtworks, ArtworkCatalog catalog, StoredImages images,
                          ArtworkRecorder recorder) {
        this.latentArtworks = latentArtworks;
        this.catalog = catalog;
        this.images = images;
        this.recorder = recorder;
    }

    /** Records the command's frames (items 0 … frames-1) and its animation (item {@code frames}). */
    List<UUID> record(InterpolationCommand command) {
        LatentImageGenerator generator = latentArtworks.generator(command.model());
        if (catalog.artworkIdsOfJob(command.jobId()).size() < command.frames()) {
            recordFrames(command, generator);
        }
        if (catalog.artworkIdsOfJob(command.jobId()).size() < command.artworkCount()) {
            recordAnimation(command, generator);
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    private void recordFrames(InterpolationCommand command, LatentImageGenerator generator) {
        End from = end(generator, command.from());
        End to = end(generator, command.to());
        List<LatentPoint> path = new ArrayList<>(command.frames());
        for (int frame = 0; frame < command.frames(); frame++) {
            path.add(from.point().towards(to.point(), frame / (double) (command.frames() - 1)));
        }
        List<NewArtwork.Parent> parents = new ArrayList<>();
        List<CatalogEntry> endArtworks = new ArrayList<>();
        for (End end : List.of(from, to)) {
            end.artwork().ifPresent(artwork -> {
                parents.add(new NewArtwork.Parent(artwork.entry().artwork().id(), Relation.ENDPOINT,
                        NewArtwork.titleOf(artwork.entry()), artwork.picture().signedPng()));
                endArtworks.add(artwork.entry());
            });
        }
        String label = from.label() != null && from.label().equals(to.label()) ? from.label() : null;
        var credits = NewArtwork.creditsOf(generator.card(), endArtworks);
        Map<String, Object> walk = parameters(command, from, to);
        for (GeneratedImage image : generator.decode(path)) {
            Map<String, Object> parameters = new LinkedHashMap<>(walk);
            parameters.put("frame", image.index());
            recorder.record(new NewArtwork(command.jobId(), image.index(), ArtworkKind.FRAME, command.authorship(),
                    "%s frame %d of %d".formatted(generator.card().id(), image.index() + 1, command.frames()),
                    generator.card(), label, parameters,
                    NewArtwork.Picture.of(image, generator.card()), parents, credits));
        }
    }

    private void recordAnimation(InterpolationCommand command, LatentImageGenerator generator) {
        List<UUID> frameIds = catalog.artworkIdsOfJob(command.jobId()).subList(0, command.frames());
        List<NewArtwork.Parent> parents = new ArrayList<>();
        List<BufferedImage> frames = new ArrayList<>();
        List<CatalogEntry> frameEntries = new ArrayList<>();
        for (UUID frameId : frameIds) {
            CatalogEntry entry = catalog.find(frameId).orElseThrow(() -> new ArtworkNotFoundException(frameId));
            StoredImages.StoredPicture picture = images.pictureOf(entry);
            parents.add(new NewArtwork.Parent(frameId, Relation.FRAME, NewArtwork.titleOf(entry), picture.signedPng()));
            frames.add(picture.image());
            frameEntries.add(entry);
        }
        CatalogEntry first = frameEntries.get(0);
        Map<String, Object> parameters = new LinkedHashMap<>(first.provenance().parameters());
        parameters.remove("frame");
        parameters.put("frameMillis", command.frameMillis());
        byte[] animation = AnimatedPng.encode(frames, command.frameMillis());
        recorder.record(new NewArtwork(command.jobId(), command.frames(), ArtworkKind.ANIMATION, command.authorship(),
                "%s interpolation, %d frames".formatted(generator.card().id(), command.frames()), generator.card(),
                first.artwork().label(), parameters,
                new NewArtwork.Picture(animation, frames.get(0).getWidth(), frames.get(0).getHeight(),
                        first.provenance().producer().platform()), parents,
                NewArtwork.creditsOf(generator.card(), frameEntries)));
    }

    /** One end of the walk: where it lies, its label, and the artwork it is when it is one. */
    private record End(LatentPoint point, String label, Optional<LatentArtworks.LocatedArtwork> artwork) {
    }

    private End end(LatentImageGenerator generator, Endpoint endpoint) {
        if (endpoint.isArtwork()) {
            var located = latentArtworks.locate(generator, endpoint.artworkId());
            return new End(located.point(), located.entry().artwork().label(), Optional.of(located));
        }
        return new End(generator.pointsOf(endpoint.seed(), 1, endpoint.label()).get(0), endpoint.label(),
                Optional.empty());
    }

    private static Map<String, Object> parameters(InterpolationCommand command, End from, End to) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", describe(command.from(), from));
        parameters.put("to", describe(command.to(), to));
        parameters.put("frames", command.frames());
        return parameters;
    }

    private static Map<String, Object> describe(Endpoint endpoint, End end) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (endpoint.isArtwork()) {
            described.put("artworkId", endpoint.artworkId().toString());
        } else {
            described.put("seed", endpoint.seed());
        }
        if (end.label() != null) {
            described.put("label", end.label());
        }
        return described;
    }
}
