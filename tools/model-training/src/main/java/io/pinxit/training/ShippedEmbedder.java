package io.pinxit.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature extractor that the models jar ships but lists in no index, as no service loads it (the classpath
 * catalog sees only indexed models): its files are copied to a scratch folder and loaded from there through
 * {@link ModelLoader}, hash-checked against its card like any model.
 */
record ShippedEmbedder(ImageEmbedder network, ModelCard card) implements AutoCloseable {

    static ShippedEmbedder load(String id, Path scratch) throws IOException {
        JsonNode shipped = new ObjectMapper().readTree(shippedFile(id, "card.json"));
        List<String> files = new ArrayList<>(List.of("card.json", shipped.path("weightsFile").asText()));
        shipped.path("weightShards").forEach(shard -> files.add(shard.path("file").asText()));
        Path folder = Files.createDirectories(scratch.resolve(id));
        for (String file : files) {
            Files.write(folder.resolve(file), shippedFile(id, file));
        }
        ModelCatalog catalog = ModelCatalog.fromDirectory(scratch);
        ModelCard card = catalog.find(id).orElseThrow();
        return new ShippedEmbedder(new ModelLoader(catalog).loadEmbedder(card), card);
    }

    private static byte[] shippedFile(String id, String file) throws IOException {
        String path = "pinxit/models/" + id + "/" + file;
        try (InputStream in = ShippedEmbedder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("No " + path + " on the classpath: build the models module first");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
