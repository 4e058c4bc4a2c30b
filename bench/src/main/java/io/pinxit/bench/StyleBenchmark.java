package io.pinxit.bench;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.NeuralStyle;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Style transfer on this machine's CPU, seconds per picture at each output size after one warm-up transfer: neural
 * style with the worker's default iterations (median of three), then the shipped fast style network (median of
 * seven). The pictures are drawn here (a landscape and a striped texture), so the figures depend on size and
 * iterations only.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec@style}.
 */
public final class StyleBenchmark {

    private static final List<Integer> SIZES = List.of(256, 512);
    private static final int RUNS = 3;
    private static final String FAST_STYLE = "fast-style-great-wave";
    private static final List<Integer> FAST_SIZES = List.of(512, 1024);
    private static final int FAST_RUNS = 7;

    private StyleBenchmark() {
    }

    public static void main(String[] arguments) {
        DjlRuntime.configure();
        var catalog = ModelCatalog.fromClasspath();
        System.out.printf("%s, %d iterations, median of %d transfers after a warm-up%n", DjlRuntime.platform(),
                StyleOptions.DEFAULT_ITERATIONS, RUNS);
        try (NeuralStyle neuralStyle = NeuralStyle.load(new ModelLoader(catalog), catalog)) {
            BufferedImage content = landscape(640, 480);
            BufferedImage style = stripes(512);
            for (int size : SIZES) {
                StyleOptions options = StyleOptions.defaults().withSize(size);
                neuralStyle.transfer(content, style, options, StyleProgress.NONE);
                double[] seconds = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    neuralStyle.transfer(content, style, options.withSeed(run), StyleProgress.NONE);
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf("neural style %4d px: %6.1f s a picture%n", size, seconds[RUNS / 2]);
            }
        }
        var loader = new ModelLoader(catalog);
        try (FastStyle fastStyle = FastStyle.read(loader.loadFastStyle(catalog.find(FAST_STYLE).orElseThrow()).weights())) {
            BufferedImage content = landscape(1280, 960);
            for (int size : FAST_SIZES) {
                StyleOptions options = StyleOptions.defaults().withSize(size).withStrength(1);
                fastStyle.transfer(content, options);
                double[] seconds = new double[FAST_RUNS];
                for (int run = 0; run < FAST_RUNS; run++) {
                    long start = System.nanoTime();
                    fastStyle.transfer(content, options);
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf("fast style %s %4d px: %6.3f s a picture%n", FAST_STYLE, size, seconds[FAST_RUNS / 2]);
            }
        }
    }

    private static BufferedImage landscape(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(90, 150, 230), 0, height / 2f, new Color(220, 230, 250)));
        graphics.fillRect(0, 0, width, height / 2);
        graphics.setColor(new Color(50, 120, 60));
        graphics.fillRect(0, height / 2, width, height - height / 2);
        graphics.setColor(new Color(250, 210, 60));
        graphics.fillOval(width / 5, height / 10, width / 6, width / 6);
        graphics.setColor(new Color(120, 70, 40));
        graphics.fillRect(width * 3 / 5, height / 3, width / 10, height / 3);
        graphics.dispose();
        return picture;
    }

    private static BufferedImage stripes(int side) {
        var picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                picture.setRGB(x, y, ((x + 2 * y) / 12) % 3 == 0 ? 0xd05020 : ((x + 2 * y) / 12) % 3 == 1 ? 0x2040a0
                        : 0xf0e0b0);
            }
        }
        return picture;
    }
}
