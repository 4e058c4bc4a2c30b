package io.pinxit.style.service;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.TrainingPhotos;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model card a fast style network is named by in provenance: a shipped network's own card, else a card made from
 * what the catalog recorded about its training. A network learned what to paint through the MobileNet-v2 features,
 * so it owes what their data asks for, as an optimised picture does, and it names the photos it learned on.
 */
@ApplicationScoped
public class StyleNetworkCards {

    /** Trained networks are model {@code fast-style-<network id>}. */
    static final String TRAINED_ID_PREFIX = "fast-style-";
    private static final String FORMAT = "djl-params";
    /** A network is never changed: training again makes another network, with its own id. */
    private static final String TRAINED_VERSION = "1";

    private final FastStyleCards shipped;
    private final ServedStyleTransfer served;

    StyleNetworkCards(FastStyleCards shipped, ServedStyleTransfer served) {
        this.shipped = shipped;
        this.served = served;
    }

    ModelCard cardOf(StyleNetwork network) {
        if (network.isShipped()) {
            var card = shipped.find(network.modelId())
                    .filter(found -> found.weightsSha256().equals(network.weightsSha256()));
            if (card.isPresent()) {
                return card.get();
            }
        }
        return described(network);
    }

    private ModelCard described(StyleNetwork network) {
        StyleNetwork.Training training = network.training();
        String origin = network.isShipped()
                ? "shipped as model " + network.modelId() + " (" + network.trainedBy() + ")"
                : "trained by job " + network.jobId() + " on " + network.trainedBy();
        var trainingCard = new ModelCard.Training("fast style training (Johnson et al.), " + origin + ", crops of "
                + training.cropSize() + " px", training.seed(), training.steps(), training.batchSize(), "adam", 0,
                null, training.cropSize(), training.styleLoss(), training.contentLoss());
        String weightsFile = network.weightsKey().substring(network.weightsKey().lastIndexOf('/') + 1);
        return new ModelCard(TRAINED_ID_PREFIX + network.id(), TRAINED_VERSION, ModelCard.FAST_STYLE_FAMILY, FORMAT,
                FastStyle.ARCHITECTURE, 0, 0, 0, 0, weightsFile, network.weightsSha256(), List.of(), 0, null, null,
                List.of(), List.of(), null, null, Stream.concat(served.featureModel().dataSources().stream(),
                        Stream.of(TrainingPhotos.dataSource())).toList(), trainingCard,
                "Paints pictures in the manner of saved style " + network.styleId() + " in one pass.", null);
    }
}
