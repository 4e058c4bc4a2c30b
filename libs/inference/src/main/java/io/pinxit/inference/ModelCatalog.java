package io.pinxit.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The models that can be loaded, each described by its card. Cards ship in the {@code pinxit-models}
 * jar under {@code pinxit/models/<id>/card.json}; a folder with the same layout works too.
 */
public final class ModelCatalog {

    static final String CLASSPATH_ROOT = "pinxit/models";
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ModelStore store;
    private final List<ModelCard> cards;

    private ModelCatalog(ModelStore store) {
        this.store = store;
        this.cards = readCards(store);
    }

    /** The models packaged on the classpath, listed by {@code pinxit/models/index.json}. */
    public static ModelCatalog fromClasspath() {
        return new ModelCatalog(new ModelStore.Classpath(ModelCatalog.class.getClassLoader(), CLASSPATH_ROOT));
    }

    /** The models in {@code directory}: each sub-folder holding a {@code card.json}. */
    public static ModelCatalog fromDirectory(Path directory) {
        return new ModelCatalog(new ModelStore.Directory(directory));
    }

    public List<ModelCard> cards() {
        return cards;
    }

    public Optional<ModelCard> find(String id) {
        return cards.stream().filter(card -> card.id().equals(id)).findFirst();
    }

    /**
     * How many bytes of weights the card names (its weights file and shards), as stored: a model's size in memory
     * is about that once it is loaded.
     */
    public long weightsSize(ModelCard card) {
        try {
            long size = store.size(card.id() + "/" + card.weightsFile());
            for (ModelCard.WeightShard shard : card.weightShards()) {
                size += store.size(card.id() + "/" + shard.file());
            }
            return size;
        } catch (IOException e) {
            throw new ModelLoadException("Cannot find the weights of model '%s'".formatted(card.id()), e);
        }
    }

    /** One of a model's files (its weights file or a weight shard), exactly as stored. */
    byte[] readFile(ModelCard card, String file) throws IOException {
        return store.read(card.id() + "/" + file);
    }

    private static List<ModelCard> readCards(ModelStore store) {
        try {
            List<ModelCard> cards = new ArrayList<>();
            for (String id : store.modelIds()) {
                ModelCard card = JSON.readValue(store.read(id + "/" + ModelStore.CARD_FILE), ModelCard.class);
                cards.add(validated(id, card));
            }
            return List.copyOf(cards);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model catalog in " + store, e);
        }
    }

    private static ModelCard validated(String folder, ModelCard card) {
        if (!folder.equals(card.id())) {
            throw new ModelLoadException("Card in folder '%s' has id '%s'".formatted(folder, card.id()));
        }
        requirePlainFileName(card, card.weightsFile());
        for (ModelCard.WeightShard shard : card.weightShards()) {
            requirePlainFileName(card, shard.file());
        }
        return card;
    }

    private static void requirePlainFileName(ModelCard card, String file) {
        if (file == null || !PLAIN_FILE_NAME.matcher(file).matches()) {
            throw new ModelLoadException(
                    "Card '%s' must name its weights as plain file names, got '%s'".formatted(card.id(), file));
        }
    }
}
