package io.pinxit.style.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.inference.PngEncoding;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.recording.ArtworkRecorder;
import io.pinxit.recording.NewArtwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paints a style command's content in the manner of its style and records the result as one {@link ArtworkKind#STYLED}
 * artwork: its parents are both inputs (lineage edges for input artworks, manifest ingredients for every input), it
 * owes what the inputs owe (a saved style's credit among them) and what the feature network's data asks for. Safe to
 * repeat: a job whose artwork is recorded is not run again.
 */
@ApplicationScoped
public class StyledArtworks {

    private final ServedStyleTransfer transfer;
    private final StyleInputs inputs;
    private final ArtworkCatalog catalog;
    private final ArtworkRecorder recorder;
    private final int iterations;

    StyledArtworks(ServedStyleTransfer transfer, StyleInputs inputs, ArtworkCatalog catalog, ArtworkRecorder recorder,
                   @ConfigProperty(name = "pinxit.style.iterations") int iterations) {
        this.transfer = transfer;
        this.inputs = inputs;
        this.catalog = catalog;
        this.recorder = recorder;
        this.iterations = iterations;
    }

    List<UUID> produce(StyleCommand command, StyleProgress progress) {
        if (catalog.artworkIdsOfJob(command.jobId()).isEmpty()) {
            StyleInputs.Input content = inputs.read(command.content(), Relation.CONTENT);
            StyleInputs.Input style = inputs.read(command.style(), Relation.STYLE);
            var options = new StyleOptions(command.strength(), command.preserveColor(), command.size(), command.seed(),
                    iterations);
            BufferedImage styled = transfer.neuralStyle().transfer(content.picture(), style.picture(), options,
                    progress);
            var card = transfer.featureModel();
            recorder.record(new NewArtwork(command.jobId(), 0, ArtworkKind.STYLED, command.authorship(),
                    content.parent().title() + " in the style of " + style.parent().title(), card, null,
                    parameters(command, options, content, style),
                    new NewArtwork.Picture(PngEncoding.encode(styled), styled.getWidth(), styled.getHeight()),
                    List.of(content.parent(), style.parent()), NewArtwork.creditsOf(card,
                            Stream.concat(content.credits().stream(), style.credits().stream()).toList())));
        }
        return catalog.artworkIdsOfJob(command.jobId());
    }

    private static Map<String, Object> parameters(StyleCommand command, StyleOptions options, StyleInputs.Input content,
                                                  StyleInputs.Input style) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", "neural style (optimisation over MobileNet-v2 features)");
        parameters.put("content", content.description());
        parameters.put("style", style.description());
        parameters.put("strength", options.strength());
        parameters.put("preserveColor", options.preserveColor());
        parameters.put("size", options.size());
        parameters.put("iterations", options.iterations());
        parameters.put("seed", command.seed());
        return parameters;
    }
}
