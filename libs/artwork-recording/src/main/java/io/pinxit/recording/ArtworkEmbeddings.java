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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Describes each new artwork's picture by the shipped feature extractor's embedding, for the gallery's "more like
 * this"; loaded (and hash-checked) once at start-up.
 */
@Startup
@Singleton
public class ArtworkEmbeddings {

    static final String EMBEDDER_MODEL = "nsfwjs-mobilenet-v2";
    static final int BATCH = 4;

    private final ImageEmbedder embedder;

    ArtworkEmbeddings() {
        var catalog = ModelCatalog.fromClasspath();
        var card = catalog.find(EMBEDDER_MODEL).orElseThrow(
                () -> new IllegalStateException("The embedding model " + EMBEDDER_MODEL + " is not shipped"));
        embedder = new ModelLoader(catalog).loadEmbedder(card);
    }

    /**
     * The embeddings of several pictures (PNG), in order, {@value #BATCH} pictures a pass of the embedder: on CPU, 4 a
     * pass cost 27.7 ms a picture, 1 a pass 37.8 ms and 16 a pass 40.5 ms (docs/benchmarks.md).
     */
    public List<Embedding> ofAll(List<byte[]> pngs) {
        List<Embedding> embeddings = new ArrayList<>(pngs.size());
        for (int from = 0; from < pngs.size(); from += BATCH) {
            List<BufferedImage> pictures = pngs.subList(from, Math.min(pngs.size(), from + BATCH)).stream()
                    .map(ArtworkEmbeddings::decoded).toList();
            embedder.embedAll(pictures).forEach(features -> embeddings.add(new Embedding(EMBEDDER_MODEL, features)));
        }
        return embeddings;
    }

    private static BufferedImage decoded(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a generated picture", e);
        }
    }

    @PreDestroy
    void close() {
        embedder.close();
    }
}
