package io.pinxit.training;

import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Prints an FID-style Fréchet distance between {@code --count} generated and as many real emoji pictures for
 * each generator in {@code --models} (loaded from {@code --model-dir} through {@link ModelLoader}; one whose card
 * or weights are not there yet is skipped with a message), in the features of the Inception v3 that nsfwjs ships (see
 * {@link InceptionFeatures}) at an input side of {@code --input-size}. A second, disjoint draw of real pictures
 * gives the floor: the distance between two real samples of the same size. Lower is better; the figures are
 * comparable with each other only, not with published FIDs (another network, another input size).
 * Real features are cached under {@code --cache-dir}.
 *
 * <p>{@code --input-size} defaults to 139, not the network's own 299: the pictures are 32×32, so either is an
 * enlargement, and on one PyTorch thread of a shared 2-core machine a picture took 0.13–0.24 s at 299 but
 * 0.03–0.05 s at 139 (batches of 16), so a default run (2 × 2000 real and 3 × 2000 generated pictures) would take
 * 25–40 minutes at 299 and takes about 10 at 139.
 */
public final class EvaluateFid {

    private static final long PROMPT_STREAM = 0x70726F6D7074L;

    private EvaluateFid() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path dataDir = Path.of(arguments.get("data", "build/emoji-data"));
        Path modelDir = Path.of(arguments.get("model-dir", "models"));
        List<String> ids = List.of(arguments.get("models", "emoji-dcgan,emoji-cgan,emoji-words,emoji-vae").split(","));
        int count = Integer.parseInt(arguments.get("count", "2000"));
        int side = Integer.parseInt(arguments.get("input-size", "139"));
        long seed = Long.parseLong(arguments.get("seed", "20261123"));
        Path cacheDir = Path.of(arguments.get("cache-dir", "build/fid"));

        LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(dataDir), dataDir);
        RealSample real = RealSample.draw(data.images(), count, seed);
        ModelCatalog catalog = ModelCatalog.fromDirectory(modelDir);
        var cache = new FeatureCache(cacheDir);
        try (InceptionFeatures inception = InceptionFeatures.load(cacheDir.resolve("models"), side)) {
            long start = System.nanoTime();
            var toReal = new FrechetDistance(statistics(inception,
                    cache.computeIfAbsent(inception.description(), real.reference(), inception::of)));
            System.out.printf(Locale.ROOT, "Fréchet distance (the FID formula) to %d real emoji pictures from %s"
                    + " (seed %d) in the features of %s; %s PyTorch thread(s).%nLabelled generators spread their"
                    + " pictures over their labels in the shares of the real data's categories; prompt generators"
                    + " draw one picture from each of the names of as many real pictures. Reference: %.1f s;"
                    + " seconds = drawing, features and distance of a row.%n%n%-22s %10s %7s %8s%n",
                    count, dataDir, seed, inception.description(),
                    System.getProperty("ai.djl.pytorch.num_threads", "default"), seconds(start),
                    "model", "FID", "images", "seconds");

            start = System.nanoTime();
            float[] second = cache.computeIfAbsent(inception.description(), real.second(), inception::of);
            row("real (another draw)", toReal.to(statistics(inception, second)), count, start);
            for (String id : ids) {
                Optional<ModelCard> card = catalog.find(id);
                if (card.isEmpty() || !Files.exists(modelDir.resolve(id).resolve(card.get().weightsFile()))) {
                    System.out.printf(Locale.ROOT, "%-22s skipped: no card with its weights in %s%n", id, modelDir);
                    continue;
                }
                start = System.nanoTime();
                List<BufferedImage> pictures;
                try (ImageGenerator generator = new ModelLoader(catalog).load(card.get())) {
                    pictures = card.get().vocabulary().isEmpty()
                            ? GeneratedSample.draw(generator, count, seed, categoryCounts(data))
                            : GeneratedSample.drawFromPrompts(generator,
                                    namePrompts(data, dataDir, card.get().vocabulary(), count, seed), seed);
                }
                row(id, toReal.to(statistics(inception, inception.of(pictures))), count, start);
            }
        }
    }

    /**
     * The names of {@code count} pictures drawn from all the real data (so in its category mix), each read as a prompt
     * of the words {@code vocabulary} knows; a picture whose name has none is passed over for the next.
     */
    private static List<String> namePrompts(LabelledEmoji data, Path dataDir, List<String> vocabulary, int count,
                                            long seed) throws IOException {
        EmojiWords words = EmojiWords.read(data, dataDir);
        var known = new PromptVocabulary(vocabulary);
        var random = new SplittableRandom(seed ^ PROMPT_STREAM);
        List<String> prompts = new ArrayList<>(count);
        while (prompts.size() < count) {
            List<String> readable = known.knownWordsOf(words.nameOf(random.nextInt(data.images().size())));
            if (!readable.isEmpty()) {
                prompts.add(String.join(" ", readable));
            }
        }
        return prompts;
    }

    private static FeatureStatistics statistics(InceptionFeatures inception, float[] features) {
        return FeatureStatistics.of(features, inception.dimensions());
    }

    private static Map<String, Integer> categoryCounts(LabelledEmoji data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int label = 0; label < data.classes(); label++) {
            counts.put(data.labels().get(label), data.indicesOf(label).length);
        }
        return counts;
    }

    private static void row(String name, double distance, int images, long start) {
        System.out.printf(Locale.ROOT, "%-22s %10.2f %7d %8.1f%n", name, distance, images, seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
