package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.LatentImageGenerator;
import io.pinxit.inference.LatentPoint;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes variations of an artwork: its point in the model's latent space, moved by the command's strength times a
 * standard normal vector per picture (the latent the seed gives that picture), and decoded. Each variation is a child of the artwork, of
 * the same label, owing what it owes.
 */
@ApplicationScoped
public class ArtworkVariations {

    private final LatentArtworks latentArtworks;
    private final ArtworkRecorder recorder;

    ArtworkVariations(LatentArtworks latentArtworks, ArtworkRecorder recorder) {
        this.latentArtworks = latentArtworks;
        this.recorder = recorder;
    }

    /** Records the command's pictures as items 0 … count-1 of its job. */
    void record(GenerationCommand command) {
        LatentImageGenerator generator = latentArtworks.generator(command.model());
        var origin = latentArtworks.locate(generator, command.variationOf());
        String label = origin.entry().artwork().label();
        List<LatentPoint> points = new ArrayList<>(command.count());
        for (LatentPoint noise : generator.pointsOf(command.seed(), command.count(), label)) {
            points.add(origin.point().nudged(noise.latent(), command.strength()));
        }
        String parentTitle = NewArtwork.titleOf(origin.entry());
        var parent = new NewArtwork.Parent(origin.entry().artwork().id(), Relation.VARIATION, parentTitle,
                origin.picture().signedPng());
        var credits = NewArtwork.creditsOf(generator.card(), List.of(origin.entry()));
        for (GeneratedImage image : generator.decode(points)) {
            recorder.record(new NewArtwork(command.jobId(), image.index(), ArtworkKind.VARIATION, command.authorship(),
                    parentTitle + " variation " + (image.index() + 1), generator.card(), label,
                    parameters(command, label), NewArtwork.Picture.of(image, generator.card()),
                    List.of(parent), credits));
        }
    }

    private static Map<String, Object> parameters(GenerationCommand command, String label) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("variationOf", command.variationOf().toString());
        parameters.put("strength", command.strength());
        parameters.put("seed", command.seed());
        parameters.put("count", command.count());
        if (label != null) {
            parameters.put("label", label);
        }
        return parameters;
    }
}
