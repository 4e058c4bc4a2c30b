package io.pinxit.recording;

import io.pinxit.catalog.Embedding;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Describes each new artwork's picture by the shipped feature extractor's embedding, for the gallery's "more like
 * this"; loaded (and hash-checked) once at start-up.
 */
@Startup
@Singleton
public class ArtworkEmbeddings {

    static final String EMBEDDER_MODEL = "nsfwjs-mobilenet-v2";

    private final ImageEmbedder embedder;

    ArtworkEmbeddings() {
        var catalog = ModelCatalog.fromClasspath();
        var card = catalog.find(EMBEDDER_MODEL).orElseThrow(
                () -> new IllegalStateException("The embedding model " + EMBEDDER_MODEL + " is not shipped"));
        embedder = new ModelLoader(catalog).loadEmbedder(card);
    }

    public Embedding of(byte[] png) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            return new Embedding(EMBEDDER_MODEL, embedder.embed(picture));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a generated picture", e);
        }
    }

    @PreDestroy
    void close() {
        embedder.close();
    }
}
