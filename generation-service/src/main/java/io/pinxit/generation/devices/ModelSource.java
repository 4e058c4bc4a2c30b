package io.pinxit.generation.devices;

import ai.djl.Device;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;

/** A generator that can be loaded: its card, the catalog that holds its files, and the bytes of its weights. */
public record ModelSource(ModelCard card, ModelCatalog catalog, long bytes) {

    public static ModelSource of(ModelCard card, ModelCatalog catalog) {
        return new ModelSource(card, catalog, catalog.weightsSize(card));
    }

    public String modelId() {
        return card.id();
    }

    /** Loads it onto {@code device} through the one loading path, which checks every file's hash. */
    ImageGenerator loadOn(Device device) {
        return new ModelLoader(catalog, device).load(card);
    }
}
