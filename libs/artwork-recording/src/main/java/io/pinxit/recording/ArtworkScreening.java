package io.pinxit.recording;

import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Embedding;
import io.pinxit.catalog.Moderation;
import io.pinxit.inference.ModelCard;
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
 * Looks at every new picture with the shipped classifier, in one pass of its network: the embedding that finds it
 * for "more like this", and the probabilities of its classes that the content policy decides on. Uploads are screened
 * the same way before a job works from them. Loaded (and hash-checked) once at start-up.
 */
@Startup
@Singleton
public class ArtworkScreening {

    static final String CLASSIFIER_MODEL = "nsfwjs-mobilenet-v2";
    static final int BATCH = 4;

    private final ModelCard card;
    private final ImageEmbedder classifier;
    private final ContentPolicy policy;

    ArtworkScreening(ContentPolicyConfig config) {
        var catalog = ModelCatalog.fromClasspath();
        card = catalog.find(CLASSIFIER_MODEL).orElseThrow(
                () -> new IllegalStateException("The classifier " + CLASSIFIER_MODEL + " is not shipped"));
        classifier = new ModelLoader(catalog).loadEmbedder(card);
        policy = ContentPolicy.of(config);
    }

    /** A new picture's embedding and the content policy's decision on it. */
    public record Screened(Embedding embedding, ContentCheck check) {
    }

    /**
     * Screens several pictures (PNG), in order, {@value #BATCH} pictures a pass of the network: on CPU, 4 a pass cost
     * 27.7 ms a picture, 1 a pass 37.8 ms and 16 a pass 40.5 ms (docs/benchmarks.md).
     */
    public List<Screened> screenAll(List<byte[]> pngs) {
        List<Screened> screened = new ArrayList<>(pngs.size());
        for (int from = 0; from < pngs.size(); from += BATCH) {
            List<BufferedImage> pictures = pngs.subList(from, Math.min(pngs.size(), from + BATCH)).stream()
                    .map(ArtworkScreening::decoded).toList();
            classifier.describeAll(pictures).forEach(description -> screened.add(new Screened(
                    new Embedding(CLASSIFIER_MODEL, description.embedding()),
                    policy.check(card, description.classProbabilities()))));
        }
        return screened;
    }

    /**
     * Screens a picture a job is given to work from.
     *
     * @param what names the picture in the refusal, e.g. "uploaded content picture"
     * @throws RefusedPictureException when the policy would hide it
     */
    public void requireAllowed(BufferedImage picture, String what) {
        ContentCheck check = policy.check(card, classifier.describeAll(List.of(picture)).get(0).classProbabilities());
        if (check.decision() == Moderation.HIDDEN) {
            throw new RefusedPictureException(what, check);
        }
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
        classifier.close();
    }
}
