package io.pinxit.style.service;

import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.style.NeuralStyle;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The neural style transfer this worker runs: optimisation over the shipped MobileNet-v2's features, whose network is
 * loaded (and hash-checked) once at start-up. Its model card is what a styled artwork's provenance names as its model.
 */
@Startup
@Singleton
public class ServedStyleTransfer {

    private final ModelCard featureModel;
    private final NeuralStyle neuralStyle;

    ServedStyleTransfer() {
        var catalog = ModelCatalog.fromClasspath();
        featureModel = catalog.find(NeuralStyle.FEATURE_MODEL).orElseThrow(() -> new IllegalStateException(
                "The feature network " + NeuralStyle.FEATURE_MODEL + " of neural style transfer is not shipped"));
        neuralStyle = NeuralStyle.load(new ModelLoader(catalog), catalog);
    }

    ModelCard featureModel() {
        return featureModel;
    }

    NeuralStyle neuralStyle() {
        return neuralStyle;
    }

    @PreDestroy
    void close() {
        neuralStyle.close();
    }
}
