package io.pinxit.generation.devices;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The registry fixtures' two tiny generators (TorchScript and ONNX), laid out as a model catalog in a folder. */
record TinyModels(ModelSource torchScript, ModelSource onnx) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static TinyModels in(Path folder) {
        try {
            for (String id : new String[] {"tiny-torchscript", "tiny-onnx"}) {
                ModelCard card = JSON.readValue(resource(id + ".card.json"), ModelCard.class);
                Path model = Files.createDirectories(folder.resolve(id));
                Files.write(model.resolve(card.weightsFile()), resource(card.weightsFile()));
                JSON.writeValue(model.resolve("card.json").toFile(), card);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var catalog = ModelCatalog.fromDirectory(folder);
        return new TinyModels(ModelSource.of(catalog.find("tiny-torchscript").orElseThrow(), catalog),
                ModelSource.of(catalog.find("tiny-onnx").orElseThrow(), catalog));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TinyModels.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
