package io.pinxit.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measures the conditional GAN with the category classifier: for every label it generates
 * {@code --per-label} pictures through {@link ModelLoader} and prints the share the classifier puts in
 * the requested category, per category and averaged. It first re-measures the classifier on its held-out
 * real pictures, so both figures come from one command. {@code --checkpoint=build/training/emoji-cgan/step-NNNNNN}
 * measures a training checkpoint instead of the published weights, loaded the same way (from a scratch
 * copy of the card that vouches for the checkpoint's generator).
 */
public final class EvaluateCgan {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluateCgan() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path dataDir = Path.of(arguments.get("data", "build/emoji-data"));
        Path classifierDir = Path.of(arguments.get("classifier", "build/training/emoji-category-classifier"));
        Path modelDir = Path.of(arguments.get("model-dir", "models"));
        String id = arguments.get("model", "emoji-cgan");
        String checkpoint = arguments.get("checkpoint", "");
        int perLabel = Integer.parseInt(arguments.get("per-label", "200"));
        long seed = Long.parseLong(arguments.get("seed", "20261123"));

        try (var classifier = CategoryClassifier.load(classifierDir)) {
            CategoryClassifier.Description description = CategoryClassifier.describedIn(classifierDir);
            LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(dataDir), dataDir);
            CategoryAgreement heldOut = ClassifierCheck.heldOut(classifier, data, HeldOutSplit.of(data, description.seed()));
            System.out.printf(Locale.ROOT, "Classifier %s (seed %d, %d steps) on %d held-out real pictures:%n%s%n",
                    classifierDir, description.seed(), description.steps(), heldOut.total(), heldOut.table());

            ModelCatalog catalog = checkpoint.isEmpty()
                    ? ModelCatalog.fromDirectory(modelDir)
                    : checkpointCatalog(modelDir, id, Path.of(checkpoint));
            ModelCard card = catalog.find(id).orElseThrow(() -> new IllegalArgumentException("No model " + id));
            if (!card.labels().equals(classifier.labels())) {
                throw new IllegalStateException("Model labels %s differ from the classifier's %s"
                        .formatted(card.labels(), classifier.labels()));
            }
            CategoryAgreement agreement = CategoryAgreement.empty(card.labels());
            var spread = new StringBuilder();
            try (ImageGenerator generator = new ModelLoader(catalog).load(card)) {
                for (int label = 0; label < card.labels().size(); label++) {
                    List<BufferedImage> images = decode(generator.generate(seed, perLabel, card.labels().get(label)));
                    float[] pixels = ClassifierCheck.tensorOf(images);
                    agreement.add(label, classifier.predict(pixels, images.size()));
                    spread.append(String.format(Locale.ROOT, "%-16s generated %.3f  real %.3f%n", card.labels().get(label),
                            spread(pixels, images.size()), realSpread(data, label)));
                }
            }
            System.out.printf(Locale.ROOT, "%s%s (sha256 %s): %d pictures per category from seed %d, share the"
                    + " classifier puts in the requested category:%n%s%nMean classifier agreement %.1f%% (chance %.1f%%)%n",
                    id, checkpoint.isEmpty() ? "" : " at " + checkpoint, card.weightsSha256(), perLabel, seed,
                    agreement.table(), 100 * agreement.meanShare(), 100.0 / card.labels().size());
            System.out.printf(Locale.ROOT, "%nSpread (mean absolute pixel difference between paired pictures, 0..2;"
                    + " near 0 means the category collapsed to one picture):%n%s", spread);
        }
    }

    /** Mean absolute difference between picture {@code i} and picture {@code i + count/2}, over the first half. */
    static double spread(float[] pixels, int count) {
        int half = count / 2;
        double sum = 0;
        for (int i = 0; i < half; i++) {
            int a = i * EmojiDataset.IMAGE_FLOATS;
            int b = (i + half) * EmojiDataset.IMAGE_FLOATS;
            for (int p = 0; p < EmojiDataset.IMAGE_FLOATS; p++) {
                sum += Math.abs(pixels[a + p] - pixels[b + p]);
            }
        }
        return sum / ((double) half * EmojiDataset.IMAGE_FLOATS);
    }

    private static double realSpread(LabelledEmoji data, int label) {
        int[] indices = data.indicesOf(label);
        float[] pixels = new float[indices.length * EmojiDataset.IMAGE_FLOATS];
        data.images().copyBatch(indices, pixels);
        return spread(pixels, indices.length);
    }

    static List<BufferedImage> decode(List<GeneratedImage> generated) throws IOException {
        List<BufferedImage> images = new ArrayList<>(generated.size());
        for (GeneratedImage image : generated) {
            images.add(ImageIO.read(new ByteArrayInputStream(image.png())));
        }
        return images;
    }

    /** A scratch catalog holding the model's card, rewritten to vouch for a checkpoint's generator. */
    static ModelCatalog checkpointCatalog(Path modelDir, String id, Path checkpoint) throws IOException {
        ModelCard published = ModelCatalog.fromDirectory(modelDir).find(id)
                .orElseThrow(() -> new IllegalArgumentException("No model " + id));
        byte[] weights = Files.readAllBytes(checkpoint.resolve(Checkpoints.GENERATOR_FILE));
        Path scratch = Files.createDirectories(checkpoint.resolve("catalog").resolve(id));
        Files.write(scratch.resolve(published.weightsFile()), weights);
        ModelCard card = published.withWeights(published.weightsFile(), Sha256.hex(weights), published.training());
        JSON.writeValue(scratch.resolve(ModelPublisher.CARD_FILE).toFile(), card);
        return ModelCatalog.fromDirectory(checkpoint.resolve("catalog"));
    }
}
