package io.pinxit.bench;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import io.pinxit.inference.upscale.ImageUpscaler;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The shipped models on this machine's CPU: each generator's pictures per second at several batch sizes (PNG
 * encoding included, as the worker does it), each upscaler's seconds per picture for several input sizes, and the
 * embedder's milliseconds per picture. Runs after a warm-up; prints the median of repeated runs.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec@inference}.
 */
public final class InferenceBenchmark {

    private static final List<Integer> BATCHES = List.of(1, 4, 16, 64);
    private static final List<Integer> UPSCALE_INPUTS = List.of(32, 128, 256);
    private static final int WARM_UPS = 20;
    private static final int RUNS = 15;

    private InferenceBenchmark() {
    }

    public static void main(String[] arguments) {
        DjlRuntime.configure();
        var catalog = ModelCatalog.fromClasspath();
        var loader = new ModelLoader(catalog);
        System.out.printf("%s, median of %d runs after a warm-up%n", DjlRuntime.platform(), RUNS);
        for (ModelCard card : catalog.cards()) {
            switch (card.family()) {
                case ModelCard.GAN_FAMILY, ModelCard.VAE_FAMILY -> generator(loader, card);
                case ModelCard.UPSCALER_FAMILY -> upscaler(loader, card);
                case ModelCard.FEATURE_EXTRACTOR_FAMILY -> embedder(loader, card);
                default -> System.out.printf("%s: family %s is not measured%n", card.id(), card.family());
            }
        }
    }

    private static void generator(ModelLoader loader, ModelCard card) {
        try (ImageGenerator generator = loader.load(card)) {
            String label = generator.labels().isEmpty() ? null : generator.labels().get(0);
            for (int batch : BATCHES) {
                double seconds = medianSeconds(run -> generator.generate(run, batch, label));
                System.out.printf("%-22s batch %3d: %8.1f images/s (%.2f ms a batch)%n", card.id(), batch,
                        batch / seconds, seconds * 1000);
            }
        }
    }

    private static void upscaler(ModelLoader loader, ModelCard card) {
        try (ImageUpscaler upscaler = loader.loadUpscaler(card)) {
            for (int side : UPSCALE_INPUTS) {
                BufferedImage picture = noise(side);
                double seconds = medianSeconds(run -> upscaler.upscale(picture));
                System.out.printf("%-22s %3d² → %4d²: %8.3f s a picture%n", card.id(), side, side * card.scale(),
                        seconds);
            }
        }
    }

    private static void embedder(ModelLoader loader, ModelCard card) {
        try (ImageEmbedder embedder = loader.loadEmbedder(card)) {
            for (int batch : List.of(1, 4, 16)) {
                List<BufferedImage> pictures = Collections.nCopies(batch, noise(64));
                double seconds = medianSeconds(run -> embedder.embedAll(pictures));
                System.out.printf("%-22s %d features, batch %2d: %8.1f ms a picture%n", card.id(),
                        embedder.dimensions(), batch, seconds * 1000 / batch);
            }
        }
    }

    /** {@value #WARM_UPS} warm-up calls, then the median duration of {@value #RUNS} more. */
    static double medianSeconds(IntConsumer work) {
        for (int warmUp = 1; warmUp <= WARM_UPS; warmUp++) {
            work.accept(-warmUp);
        }
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            work.accept(run);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static BufferedImage noise(int side) {
        var random = new SplittableRandom(side);
        var picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                picture.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return picture;
    }
}
