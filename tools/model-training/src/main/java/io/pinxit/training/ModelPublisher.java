package io.pinxit.training;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts trained generator weights into a model folder and rewrites its {@code card.json} to vouch for
 * them: the new sha256 and how they were made. The card's descriptive text is kept as written.
 */
final class ModelPublisher {

    static final String CARD_FILE = "card.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path modelDir;

    ModelPublisher(Path modelDir) {
        this.modelDir = modelDir;
    }

    /** The card as it stands before publishing. */
    ModelCard card() throws IOException {
        return JSON.readValue(modelDir.resolve(CARD_FILE).toFile(), ModelCard.class);
    }

    /** Writes the words a prompt model's network numbers, in its order, into the card. */
    void describeVocabulary(List<String> vocabulary) throws IOException {
        Files.writeString(modelDir.resolve(CARD_FILE),
                JSON.writeValueAsString(card().withVocabulary(vocabulary)) + System.lineSeparator());
    }

    ModelCard publish(Block generator, ModelCard.Training training) throws IOException {
        Path cardFile = modelDir.resolve(CARD_FILE);
        ModelCard card = card();
        Path weights = modelDir.resolve(card.weightsFile());
        Checkpoints.saveParameters(generator, weights);
        String sha256 = Sha256.hex(Files.readAllBytes(weights));
        ModelCard published = card.withWeights(card.weightsFile(), sha256, training);
        Files.writeString(cardFile, JSON.writeValueAsString(published) + System.lineSeparator());
        return published;
    }
}
