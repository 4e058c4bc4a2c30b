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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Measures the prompt GAN on the names of emoji it never saw: the held-out side of the classifier's split. Each
 * held-out emoji's name, read as a prompt (words outside the vocabulary dropped; a name with none left is counted
 * and skipped), draws {@code --per-prompt} pictures through {@link ModelLoader}. The same measures of as many names of
 * emoji it learned from (a seeded sample) follow, to tell following words from generalising to new ones. Printed:
 * <ul>
 *   <li>category agreement: the share the classifier puts in the emoji's category, per category and averaged;</li>
 *   <li>spread per category (as {@link EvaluateCgan}) of the pictures of one prompt, beside the spread of one emoji's
 *       two real designs (its Twemoji and Noto pictures): far below it means a prompt collapsed to one picture;</li>
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

            List<NamedEmoji> heldOut = namedEmoji(data, split.heldOut(), words, vocabulary);
            List<NamedEmoji> seen = sample(namedEmoji(data, split.training(), words, vocabulary), heldOut.size(), seed);
            List<String> unreadable = unreadableNames(data, split, words, vocabulary);
            System.out.printf(Locale.ROOT, "%s%s (sha256 %s), %d words, %d pictures per prompt from seed %d.%n%n"
                            + "UNSEEN: %d held-out emoji names as prompts (%d more had no known word, e.g. %s)%n",
                    id, checkpoint.isEmpty() ? "" : " at " + checkpoint, card.weightsSha256(), vocabulary.size(),
                    perPrompt, seed, heldOut.size(), unreadable.size(),
                    String.join("; ", unreadable.subList(0, Math.min(8, unreadable.size()))));
            try (ImageGenerator generator = new ModelLoader(catalog).load(card)) {
                var measure = new Measure(data, classifier, embedder, generator, perPrompt, seed);
                System.out.print(measure.of(heldOut, "held-out emoji"));
                System.out.printf(Locale.ROOT, "%nSEEN: %d names of emoji it learned from (a seeded sample), the same"
                        + " measures, for comparison%n", seen.size());
                System.out.print(measure.of(seen, "learned emoji"));
            }
        }
    }

    /** Each emoji's prompts drawn, classified, compared with its real designs, and the report of it all. */
    private record Measure(LabelledEmoji data, CategoryClassifier classifier, ShippedEmbedder embedder,
                           ImageGenerator generator, int perPrompt, long seed) {

        String of(List<NamedEmoji> emoji, String what) throws IOException {
            CategoryAgreement agreement = CategoryAgreement.empty(data.labels());
            double[] spreadSum = new double[data.classes()];
            double[] realSpreadSum = new double[data.classes()];
            int[] realPairs = new int[data.classes()];
            int[] prompts = new int[data.classes()];
            List<float[]> generatedFeatures = new ArrayList<>();
            List<float[]> realFeatures = new ArrayList<>();
            List<float[]> twemoji = new ArrayList<>();
            List<float[]> noto = new ArrayList<>();
            for (NamedEmoji one : emoji) {
                List<BufferedImage> images = EvaluateCgan.decode(
                        generator.generateFromPrompt(seed, perPrompt, String.join(" ", one.prompt())));
                float[] pixels = ClassifierCheck.tensorOf(images);
                agreement.add(one.label(), classifier.predict(pixels, images.size()));
                spreadSum[one.label()] += EvaluateCgan.spread(pixels, images.size());
                prompts[one.label()]++;
                generatedFeatures.add(mean(embedder.network().embedAll(images)));
                List<BufferedImage> realImages = realPictures(data, one.pictures());
                List<float[]> real = embedder.network().embedAll(realImages);
                realFeatures.add(mean(real));
                if (real.size() == 2) {
                    twemoji.add(real.get(0));
                    noto.add(real.get(1));
                    realSpreadSum[one.label()] += EvaluateCgan.spread(ClassifierCheck.tensorOf(realImages), 2);
                    realPairs[one.label()]++;
                }
            }
            var out = new StringBuilder(String.format(Locale.ROOT, "%nCategory agreement (classifier trained on real"
                    + " pictures, the same split):%n%s%nMean classifier agreement %.1f%% (chance %.1f%%)%n%n"
                    + "Spread per category (0..2): the pictures of one prompt; one emoji's Twemoji and Noto designs%n",
                    agreement.table(), 100 * agreement.meanShare(), 100.0 / data.classes()));
            for (int label = 0; label < data.classes(); label++) {
                out.append(String.format(Locale.ROOT, "%-16s generated %.3f  real %.3f%n", data.labels().get(label),
                        prompts[label] == 0 ? 0 : spreadSum[label] / prompts[label],
                        realPairs[label] == 0 ? 0 : realSpreadSum[label] / realPairs[label]));
            }
            out.append(Retrieval.of(generatedFeatures, realFeatures).report(what));
            out.append(Retrieval.of(twemoji, noto).report(what + ": Noto pictures by their Twemoji pictures (the"
                    + " features' ceiling)"));
            return out.toString();
        }
    }

    /** A base emoji: its category, its name's known words, its dataset pictures. */
    private record NamedEmoji(int label, List<String> prompt, int[] pictures) {}

    /** The emoji among {@code side} (per category, as the split gives them) whose names have a known word. */
    private static List<NamedEmoji> namedEmoji(
            LabelledEmoji data, int[][] side, EmojiWords words, PromptVocabulary vocabulary) {
        List<NamedEmoji> emoji = new ArrayList<>();
        for (int label = 0; label < data.classes(); label++) {
            groups(data, side[label]).forEach((group, pictures) -> {
                List<String> known = vocabulary.knownWordsOf(words.nameOf(pictures[0]));
                if (!known.isEmpty()) {
                    emoji.add(new NamedEmoji(data.labelOf()[pictures[0]], known, pictures));
                }
            });
        }
        return emoji;
    }

    /** {@code count} of {@code emoji}, drawn from the seed, in their original order. */
    private static List<NamedEmoji> sample(List<NamedEmoji> emoji, int count, long seed) {
        var random = new SplittableRandom(seed);
        List<Integer> order = new ArrayList<>(IntStream.range(0, emoji.size()).boxed().toList());
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        return order.subList(0, Math.min(count, order.size())).stream().sorted().map(emoji::get).toList();
    }

    private static List<String> unreadableNames(
            LabelledEmoji data, HeldOutSplit split, EmojiWords words, PromptVocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        for (int[] heldOut : split.heldOut()) {
            groups(data, heldOut).values().stream()
                    .map(pictures -> words.nameOf(pictures[0]))
                    .filter(name -> vocabulary.knownWordsOf(name).isEmpty())
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
