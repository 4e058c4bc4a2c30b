package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.contracts.prompt.PromptWords;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the prompt GAN on the names of emoji it never saw: the held-out side of the classifier's split. Each
 * held-out emoji's name, read as a prompt (words outside the vocabulary dropped; a name with none left is counted
 * and skipped), draws {@code --per-prompt} pictures through {@link ModelLoader}. Printed:
 * <ul>
 *   <li>category agreement: the share the classifier puts in the emoji's category, per category and averaged;</li>
 *   <li>spread per category (as {@link EvaluateCgan}): near 0 means a prompt collapsed to one picture;</li>
 *   <li>text-to-picture retrieval: the mean of each prompt's pictures, in the shipped MobileNet-v2 features, is
 *       compared with every held-out emoji's real pictures (its Twemoji and Noto base pictures); the rank of its
 *       own emoji gives recall at 1, 5 and 10 and the median rank, against chance. The same ranking of each emoji's
 *       Noto picture by its Twemoji picture shows what these features can tell apart at all: a ceiling.</li>
 * </ul>
 * {@code --checkpoint} measures a training checkpoint, as for {@link EvaluateCgan}.
 */
public final class EvaluateEmojiWords {

    private static final String EMBEDDER = "nsfwjs-mobilenet-v2";

    private EvaluateEmojiWords() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path dataDir = Path.of(arguments.get("data", "build/emoji-data"));
        Path classifierDir = Path.of(arguments.get("classifier", "build/training/emoji-category-classifier"));
        Path modelDir = Path.of(arguments.get("model-dir", "models"));
        String id = arguments.get("model", "emoji-words");
        String checkpoint = arguments.get("checkpoint", "");
        int perPrompt = Integer.parseInt(arguments.get("per-prompt", "8"));
        long seed = Long.parseLong(arguments.get("seed", "20261123"));

        try (var classifier = CategoryClassifier.load(classifierDir);
                var embedder = ShippedEmbedder.load(EMBEDDER, Files.createTempDirectory("pinxit-embedder"))) {
            LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(dataDir), dataDir);
            HeldOutSplit split = HeldOutSplit.of(data, CategoryClassifier.describedIn(classifierDir).seed());
            EmojiWords words = EmojiWords.read(data, dataDir);
            ModelCatalog catalog = checkpoint.isEmpty()
                    ? ModelCatalog.fromDirectory(modelDir)
                    : EvaluateCgan.checkpointCatalog(modelDir, id, Path.of(checkpoint));
            ModelCard card = catalog.find(id).orElseThrow(() -> new IllegalArgumentException("No model " + id));
            var vocabulary = new PromptVocabulary(card.vocabulary());

            List<HeldOutEmoji> emoji = heldOutEmoji(data, split, words, vocabulary);
            List<String> unreadable = unreadableNames(data, split, words, vocabulary);
            CategoryAgreement agreement = CategoryAgreement.empty(data.labels());
            double[] spreadSum = new double[data.classes()];
            int[] prompts = new int[data.classes()];
            List<float[]> generatedFeatures = new ArrayList<>();
            List<float[]> realFeatures = new ArrayList<>();
            List<float[]> twemoji = new ArrayList<>();
            List<float[]> noto = new ArrayList<>();
            try (ImageGenerator generator = new ModelLoader(catalog).load(card)) {
                for (HeldOutEmoji one : emoji) {
                    List<BufferedImage> images = EvaluateCgan.decode(
                            generator.generateFromPrompt(seed, perPrompt, String.join(" ", one.prompt())));
                    float[] pixels = ClassifierCheck.tensorOf(images);
                    agreement.add(one.label(), classifier.predict(pixels, images.size()));
                    spreadSum[one.label()] += EvaluateCgan.spread(pixels, images.size());
                    prompts[one.label()]++;
                    generatedFeatures.add(mean(embedder.network().embedAll(images)));
                    List<float[]> real = embedder.network().embedAll(realPictures(data, one.pictures()));
                    realFeatures.add(mean(real));
                    if (real.size() == 2) {
                        twemoji.add(real.get(0));
                        noto.add(real.get(1));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s%s (sha256 %s), %d words: %d held-out emoji names as prompts (%d more"
                            + " had no known word, e.g. %s), %d pictures each from seed %d.%n%nCategory agreement (classifier"
                            + " trained on real pictures, the same held-out split):%n%s%nMean classifier agreement"
                            + " %.1f%% (chance %.1f%%)%n%nSpread per category (generated from one prompt, 0..2):%n",
                    id, checkpoint.isEmpty() ? "" : " at " + checkpoint, card.weightsSha256(), vocabulary.size(),
                    emoji.size(), unreadable.size(), String.join("; ", unreadable.subList(0, Math.min(8, unreadable.size()))),
                    perPrompt, seed, agreement.table(), 100 * agreement.meanShare(),
                    100.0 / data.classes());
            for (int label = 0; label < data.classes(); label++) {
                System.out.printf(Locale.ROOT, "%-16s %.3f%n", data.labels().get(label),
                        prompts[label] == 0 ? 0 : spreadSum[label] / prompts[label]);
            }
            System.out.print(Retrieval.of(generatedFeatures, realFeatures).report("held-out emoji"));
            System.out.print(Retrieval.of(twemoji, noto).report("held-out emoji's Noto pictures by their Twemoji"
                    + " pictures (the features' ceiling)"));
        }
    }

    /** A held-out base emoji: its category, its name's known words, its dataset pictures. */
    private record HeldOutEmoji(int label, List<String> prompt, int[] pictures) {}

    private static List<HeldOutEmoji> heldOutEmoji(
            LabelledEmoji data, HeldOutSplit split, EmojiWords words, PromptVocabulary vocabulary) {
        List<HeldOutEmoji> emoji = new ArrayList<>();
        for (int label = 0; label < data.classes(); label++) {
            groups(data, split.heldOut()[label]).forEach((group, pictures) -> {
                List<String> known = PromptWords.of(words.nameOf(pictures[0])).stream()
                        .filter(vocabulary.words()::contains)
                        .limit(PromptWords.MAX_WORDS)
                        .toList();
                if (!known.isEmpty()) {
                    emoji.add(new HeldOutEmoji(data.labelOf()[pictures[0]], known, pictures));
                }
            });
        }
        return emoji;
    }

    private static List<String> unreadableNames(
            LabelledEmoji data, HeldOutSplit split, EmojiWords words, PromptVocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        for (int[] heldOut : split.heldOut()) {
            groups(data, heldOut).values().stream()
                    .map(pictures -> words.nameOf(pictures[0]))
                    .filter(name -> PromptWords.of(name).stream().noneMatch(vocabulary.words()::contains))
                    .forEach(names::add);
        }
        return names;
    }

    /** The pictures of each base emoji among {@code indices}, in dataset order. */
    private static Map<String, int[]> groups(LabelledEmoji data, int[] indices) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int index : indices) {
            groups.computeIfAbsent(data.groupOf()[index], group -> new ArrayList<>()).add(index);
        }
        Map<String, int[]> pictures = new LinkedHashMap<>();
        groups.forEach((group, members) -> pictures.put(group, members.stream().mapToInt(Integer::intValue).toArray()));
        return pictures;
    }

    /** The emoji's base pictures in both sets (no skin-tone variants), as they were prepared for training. */
    private static List<BufferedImage> realPictures(LabelledEmoji data, int[] pictures) {
        int[] base = Arrays.stream(pictures)
                .filter(index -> data.images().files().get(index).getFileName().toString()
                        .equalsIgnoreCase(data.groupOf()[index] + ".png"))
                .toArray();
        return data.images().pictures(base.length == 0 ? new int[] {pictures[0]} : base);
    }

    private static float[] mean(List<float[]> features) {
        float[] mean = new float[features.get(0).length];
        for (float[] one : features) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += one[i] / features.size();
            }
        }
        return mean;
    }

    /** Ranks of each prompt's own emoji among all held-out emoji, by cosine similarity of features. */
    record Retrieval(int[] ranks) {

        static Retrieval of(List<float[]> queries, List<float[]> targets) {
            int[] ranks = new int[queries.size()];
            for (int q = 0; q < queries.size(); q++) {
                double own = cosine(queries.get(q), targets.get(q));
                int rank = 1;
                for (int t = 0; t < targets.size(); t++) {
                    if (t != q && cosine(queries.get(q), targets.get(t)) > own) {
                        rank++;
                    }
                }
                ranks[q] = rank;
            }
            return new Retrieval(ranks);
        }

        String report(String what) {
            int n = ranks.length;
            int[] sorted = ranks.clone();
            Arrays.sort(sorted);
            var out = new StringBuilder(String.format(Locale.ROOT,
                    "%nRetrieval of %d %s (MobileNet-v2 features, cosine):%n", n, what));
            for (int k : new int[] {1, 5, 10}) {
                long hits = Arrays.stream(ranks).filter(rank -> rank <= k).count();
                out.append(String.format(Locale.ROOT, "recall@%-3d %5.1f%%   (chance %.1f%%)%n",
                        k, 100.0 * hits / n, 100.0 * k / n));
            }
            out.append(String.format(Locale.ROOT, "median rank %d of %d (chance %d)%n",
                    sorted[n / 2], n, (n + 1) / 2));
            return out.toString();
        }

        private static double cosine(float[] a, float[] b) {
            double dot = 0;
            double normA = 0;
            double normB = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
                normA += a[i] * a[i];
                normB += b[i] * b[i];
            }
            return dot / Math.sqrt(normA * normB + 1e-12);
        }
    }
}
