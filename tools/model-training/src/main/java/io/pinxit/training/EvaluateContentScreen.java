package io.pinxit.training;

import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Moderation;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import io.pinxit.recording.ContentPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Runs the content policy's classifier over sets of pictures whose origin and licence are known (folders of files,
 * and pictures the shipped generators make) and prints, per set, how its scores fall and what a policy with the given
 * thresholds would decide: the figures the default thresholds in docs/content-policy.md were chosen from.
 * Arguments: {@code --folders=a,b}, {@code --generators=emoji-dcgan,emoji-vae}, {@code --generated=512},
 * {@code --blur-at=0.8}, {@code --refuse-at=0.97}.
 */
public final class EvaluateContentScreen {

    private static final String CLASSIFIER = "nsfwjs-mobilenet-v2";
    private static final int BATCH = 16;

    private EvaluateContentScreen() {
    }

    private record Scored(String name, Map<String, Float> scores, ContentCheck check) {

        double explicit() {
            return scores.get("porn") + scores.get("hentai");
        }

        double explicitOrSuggestive() {
            return explicit() + scores.get("sexy");
        }
    }

    public static void main(String[] args) throws IOException {
        var arguments = ToolArguments.parse(args);
        var policy = new ContentPolicy(Double.parseDouble(arguments.get("blur-at", "0.8")),
                Double.parseDouble(arguments.get("refuse-at", "0.97")));
        ModelCatalog catalog = ModelCatalog.fromClasspath();
        ModelLoader loader = new ModelLoader(catalog);
        ModelCard card = catalog.find(CLASSIFIER).orElseThrow();
        try (ImageEmbedder classifier = loader.loadEmbedder(card)) {
            for (String folder : list(arguments.get("folders", ""))) {
                List<Path> files = picturesIn(Path.of(folder));
                List<BufferedImage> pictures = new ArrayList<>();
                for (Path file : files) {
                    pictures.add(ImageIO.read(file.toFile()));
                }
                report(folder, files.stream().map(Path::toString).toList(), pictures, classifier, card, policy);
            }
            int generated = Integer.parseInt(arguments.get("generated", "512"));
            for (String id : list(arguments.get("generators", ""))) {
                ModelCard generatorCard = catalog.find(id).orElseThrow();
                List<BufferedImage> pictures = new ArrayList<>();
                List<String> names = new ArrayList<>();
                try (ImageGenerator generator = loader.load(generatorCard)) {
                    for (int i = 0; i < generated; i++) {
                        String label = generatorCard.labels().isEmpty() ? null
                                : generatorCard.labels().get(i % generatorCard.labels().size());
                        byte[] png = (label == null ? generator.generate(i, 1) : generator.generate(i, 1, label))
                                .get(0).png();
                        pictures.add(ImageIO.read(new ByteArrayInputStream(png)));
                        names.add(id + " seed " + i + (label == null ? "" : " " + label));
                    }
                }
                report(id + " (" + generated + " generated)", names, pictures, classifier, card, policy);
            }
        }
    }

    private static void report(String set, List<String> names, List<BufferedImage> pictures, ImageEmbedder classifier,
                               ModelCard card, ContentPolicy policy) {
        List<Scored> scored = new ArrayList<>();
        for (int from = 0; from < pictures.size(); from += BATCH) {
            List<ImageEmbedder.Description> descriptions =
                    classifier.describeAll(pictures.subList(from, Math.min(pictures.size(), from + BATCH)));
            for (int i = 0; i < descriptions.size(); i++) {
                Map<String, Float> scores = descriptions.get(i).classProbabilities();
                scored.add(new Scored(names.get(from + i), scores, policy.check(card, scores)));
            }
        }
        Map<String, Integer> topClasses = new TreeMap<>();
        Map<Moderation, Integer> decisions = new EnumMap<>(Moderation.class);
        for (Scored picture : scored) {
            String top = picture.scores().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            topClasses.merge(top, 1, Integer::sum);
            decisions.merge(picture.check().decision(), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%s: %d pictures; most likely class %s; at blur %.2f / refuse %.2f: %s%n", set,
                scored.size(), topClasses, policy.blurAt(), policy.refuseAt(), decisions);
        System.out.printf(Locale.ROOT, "  porn+hentai       p50 %.4f  p99 %.4f  max %.4f%n",
                quantile(scored, Scored::explicit, 0.5), quantile(scored, Scored::explicit, 0.99),
                quantile(scored, Scored::explicit, 1));
        System.out.printf(Locale.ROOT, "  porn+hentai+sexy  p50 %.4f  p99 %.4f  max %.4f%n",
                quantile(scored, Scored::explicitOrSuggestive, 0.5),
                quantile(scored, Scored::explicitOrSuggestive, 0.99),
                quantile(scored, Scored::explicitOrSuggestive, 1));
        scored.stream().sorted(Comparator.comparingDouble(Scored::explicitOrSuggestive).reversed()).limit(3)
                .forEach(picture -> System.out.printf(Locale.ROOT, "  highest: %s %s%n", picture.name(),
                        rounded(picture.scores())));
    }

    private static double quantile(List<Scored> scored, java.util.function.ToDoubleFunction<Scored> score, double q) {
        double[] values = scored.stream().mapToDouble(score).sorted().toArray();
        return values[(int) Math.min(values.length - 1, Math.floor(q * (values.length - 1) + 0.5))];
    }

    private static Map<String, String> rounded(Map<String, Float> scores) {
        Map<String, String> rounded = new TreeMap<>();
        scores.forEach((label, score) -> rounded.put(label, String.format(Locale.ROOT, "%.3f", score)));
        return rounded;
    }

    private static List<String> list(String commaSeparated) {
        return Stream.of(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    private static List<Path> picturesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches("(?i).*\\.(png|jpe?g)$")).sorted().toList();
        }
    }
}
