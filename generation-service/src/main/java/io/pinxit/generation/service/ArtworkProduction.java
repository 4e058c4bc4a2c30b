package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.pinxit.recording.RecordingStages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the artworks a command asks for and records them. Safe to repeat (JobExecution retries it through outages): a
 * job whose artworks are all recorded is not run again, and each (job, item) is recorded at most once. A generation
 * job's items are its pictures (0 … count-1), generated from its seed or varied from an artwork, then, when it asks
 * for an upscale, their upscales in the same order (count … 2·count-1). An interpolation job's items are its frames,
 * then its animation.
 */
@ApplicationScoped
public class ArtworkProduction {

    private final ServedGenerators generators;
    private final ArtworkCatalog catalog;
    private final ArtworkRecorder recorder;
    private final ArtworkUpscaling upscaling;
    private final ArtworkVariations variations;
    private final ArtworkInterpolations interpolations;
    private final RecordingStages stages;

    ArtworkProduction(ServedGenerators generators, ArtworkCatalog catalog, ArtworkRecorder recorder,
                      ArtworkUpscaling upscaling, ArtworkVariations variations, ArtworkInterpolations interpolations,
                      RecordingStages stages) {
        this.generators = generators;
        this.catalog = catalog;
        this.recorder = recorder;
        this.upscaling = upscaling;
        this.variations = variations;
        this.interpolations = interpolations;
        this.stages = stages;
    }

    public List<UUID> produce(GenerationCommand command) {
        List<UUID> recorded = catalog.artworkIdsOfJob(command.jobId());
        if (recorded.size() == command.artworkCount()) {
            return recorded;
        }
        if (recorded.size() < command.count()) {
            if (command.isVariation()) {
                variations.record(command);
            } else {
                recordGenerated(command);
            }
        }
        if (command.upscale() != null) {
            List<UUID> pictures = catalog.artworkIdsOfJob(command.jobId()).subList(0, command.count());
            for (int item = 0; item < pictures.size(); item++) {
                upscaling.upscale(pictures.get(item), command.upscale(), command.jobId(), command.count() + item,
                        command.authorship());
            }
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    private void recordGenerated(GenerationCommand command) {
        ImageGenerator generator = generators.find(command.model())
                .orElseThrow(() -> UnknownModelException.forModel(command.model()));
        List<GeneratedImage> images = stages.time("generate",
                () -> pictures(generator, command));
        recorder.recordAll(images.stream().map(image -> new NewArtwork(command.jobId(), image.index(),
                ArtworkKind.GENERATED, command.authorship(), generator.card().id() + " #" + (image.index() + 1),
                generator.card(), command.label(), parameters(command),
                NewArtwork.Picture.of(image, generator.card()), List.of(),
                NewArtwork.creditsOf(generator.card()))).toList());
    }

    /** The pictures a command asks of its model: from its prompt when it has one, else of its label (or none). */
    static List<GeneratedImage> pictures(ImageGenerator generator, GenerationCommand command) {
        return command.prompt() != null
                ? generator.generateFromPrompt(command.seed(), command.count(), command.prompt())
                : generator.generate(command.seed(), command.count(), command.label());
    }

    /** What a generated picture's record and manifest say it was made with. */
    private static Map<String, Object> parameters(GenerationCommand command) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("seed", command.seed());
        parameters.put("count", command.count());
        if (command.label() != null) {
            parameters.put("label", command.label());
        }
        if (command.prompt() != null) {
            parameters.put(ProvenanceRecord.PROMPT, command.prompt());
        }
        return parameters;
    }

    public List<UUID> produce(UpscaleCommand command) {
        if (catalog.artworkIdsOfJob(command.jobId()).isEmpty()) {
            upscaling.upscale(command.artworkId(), command.factor(), command.jobId(), 0, command.authorship());
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    public List<UUID> produce(InterpolationCommand command) {
        return interpolations.record(command);
    }
}
