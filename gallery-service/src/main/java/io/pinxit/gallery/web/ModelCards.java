package io.pinxit.gallery.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cards of the models this installation ships (the {@code pinxit-models} jar), read once: what each model is
 * for, what it cannot do, what it learned from and how it was trained, shown beside the artworks it made.
 */
@ApplicationScoped
public class ModelCards {

    private static final String ROOT = "pinxit/models/";

    /** What a page shows of a model's card. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Card(String id, String version, String family, String intendedUse, String limitations,
                       List<DataSource> dataSources, JsonNode training) {

        /** The command that made the weights, or how they were obtained. */
        public String howTrained() {
            if (training == null || training.isNull()) {
                return "";
            }
            return training.isTextual() ? training.asText() : training.path("command").asText("");
        }
    }

    /** A source of training data and its terms. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSource(String name, String packageName, String version, String licence) {
    }

    private final Map<String, Card> byId = new HashMap<>();

    ModelCards(ObjectMapper json) {
        try (InputStream index = resource(ROOT + "index.json")) {
            for (JsonNode id : json.readTree(index).path("models")) {
                try (InputStream card = resource(ROOT + id.asText() + "/card.json")) {
                    byId.put(id.asText(), json.readValue(card, Card.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped model cards", e);
        }
    }

    public Optional<Card> find(String modelId) {
        return Optional.ofNullable(byId.get(modelId));
    }

    private static InputStream resource(String path) throws IOException {
        InputStream stream = ModelCards.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IOException("No " + path + " on the classpath");
        }
        return stream;
    }
}
