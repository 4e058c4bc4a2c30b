package io.pinxit.style.service;

import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.style.ShippedFastStyle;
import io.pinxit.style.config.StyleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The fast styles that come as model cards rather than from training jobs: those shipped in {@code pinxit-models},
 * then those of {@code pinxit.style.fast-style-directory}. The folder is read on each call, so what it holds is what
 * the next start-up offers.
 */
@ApplicationScoped
public class FastStyleCards {

    private static final Logger LOG = Logger.getLogger(FastStyleCards.class);

    private final ModelCatalog shipped = ModelCatalog.fromClasspath();
    private final Optional<Path> directory;

    FastStyleCards(StyleConfig config) {
        this.directory = config.fastStyleDirectory();
    }

    /** A fast style's card with the loader that reads its files. */
    record Card(ModelCard card, ModelLoader loader) {

        /** Its weights and style picture, hash-checked. */
        ShippedFastStyle load() {
            return loader.loadFastStyle(card);
        }
    }

    List<Card> all() {
        List<Card> cards = new ArrayList<>();
        for (ModelCatalog catalog : catalogs()) {
            var loader = new ModelLoader(catalog);
            catalog.cards().stream().filter(card -> ModelCard.FAST_STYLE_FAMILY.equals(card.family()))
                    .forEach(card -> cards.add(new Card(card, loader)));
        }
        return cards;
    }

    Optional<ModelCard> find(String modelId) {
        return all().stream().map(Card::card).filter(card -> card.id().equals(modelId)).findFirst();
    }

    private List<ModelCatalog> catalogs() {
        if (directory.isEmpty()) {
            return List.of(shipped);
        }
        if (!Files.isDirectory(directory.get())) {
            LOG.warnf("pinxit.style.fast-style-directory %s is not a folder: only the shipped fast styles are offered",
                    directory.get().toAbsolutePath());
            return List.of(shipped);
        }
        return List.of(shipped, ModelCatalog.fromDirectory(directory.get()));
    }
}
