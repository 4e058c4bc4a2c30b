package io.pinxit.style.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.PngEncoding;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import io.pinxit.recording.RecordingStages;
import io.pinxit.style.config.StyleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Paints a style command's content in the manner of its style and records the result as one {@link ArtworkKind#STYLED}
 * artwork: its parents are both inputs (lineage edges for input artworks, manifest ingredients for every input), it
 * owes what the inputs owe (a saved style's credit among them) and what the data of the model that painted it asks
 * for. The optimisation paints unless the command names a fast style network. Safe to repeat: a job whose artwork is
 * recorded is not run again.
 */
@ApplicationScoped
public class StyledArtworks {

    private final ServedStyleTransfer transfer;
    private final FastStyleTransfers fastStyles;
    private final StyleInputs inputs;
    private final ArtworkCatalog catalog;
    private final ArtworkRecorder recorder;
    private final RecordingStages stages;
    private final int iterations;

    StyledArtworks(ServedStyleTransfer transfer, FastStyleTransfers fastStyles, StyleInputs inputs,
                   ArtworkCatalog catalog, ArtworkRecorder recorder, RecordingStages stages, StyleConfig config) {
        this.transfer = transfer;
        this.fastStyles = fastStyles;
        this.inputs = inputs;
        this.catalog = catalog;
        this.recorder = recorder;
        this.stages = stages;
        this.iterations = config.iterations();
    }

    List<UUID> produce(StyleCommand command, StyleProgress progress) {
        if (catalog.artworkIdsOfJob(command.jobId()).isEmpty()) {
            StyleInputs.Input content = inputs.read(command.content(), Relation.CONTENT);
            StyleInputs.Input style = inputs.read(command.style(), Relation.STYLE);
            Painting painting = stages.time("paint", () -> command.isFast()
                    ? fastStyles.paint(command, content.picture(), progress)
                    : optimised(command, content, style, progress));
            ModelCard card = painting.model();
            BufferedImage styled = painting.picture();
            recorder.record(new NewArtwork(command.jobId(), 0, ArtworkKind.STYLED, command.authorship(),
                    content.parent().title() + " in the style of " + style.parent().title(), card, null,
                    parameters(command, painting, content, style),
                    new NewArtwork.Picture(PngEncoding.encode(styled), styled.getWidth(), styled.getHeight(),
                            DjlRuntime.platform(card, DjlRuntime.device())),
                    List.of(content.parent(), style.parent()), NewArtwork.creditsOf(card,
                            Stream.concat(content.credits().stream(), style.credits().stream()).toList())));
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    private Painting optimised(StyleCommand command, StyleInputs.Input content, StyleInputs.Input style,
                               StyleProgress progress) {
        var options = new StyleOptions(command.strength(), command.preserveColor(), command.size(), command.seed(),
                iterations);
        BufferedImage styled = transfer.transfer(content.picture(), style.picture(), options, progress);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("iterations", options.iterations());
        settings.put("seed", command.seed());
        return new Painting(styled, transfer.featureModel(),
                "neural style (optimisation over MobileNet-v2 features)", settings);
    }

    private static Map<String, Object> parameters(StyleCommand command, Painting painting, StyleInputs.Input content,
                                                  StyleInputs.Input style) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", painting.method());
        parameters.put("content", content.description());
        parameters.put("style", style.description());
        parameters.put("strength", command.strength());
        parameters.put("preserveColor", command.preserveColor());
        parameters.put("size", command.size());
        parameters.putAll(painting.settings());
        return parameters;
    }
}
