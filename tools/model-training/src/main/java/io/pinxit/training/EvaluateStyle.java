package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.NeuralStyle;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Runs a style transfer over the fixed content/style pairs of {@code --pairs} in {@code --inputs} (one
 * {@code content.png,style.png} a line): the neural style, or with {@code --method=fast} the fast style network
 * {@code --fast-style}, which paints its own style whatever a pair names (give it pairs of that style). Prints, per pair and on average: the style distance of the result
 * and, as the baseline, of the plain content to the style, measured in Inception v3 ({@link InceptionGrams}),
 * which the transfer does not optimise; the SSIM of the result's luminance with the content's; the pixel-scale
 * grain ({@link PictureMeasures#grain}) of the result beside the style's own at the same pixel count; seconds.
 * Writes a sheet (rows: content, style, result) to {@code --sheet} and the results to {@code --out}.
 */
public final class EvaluateStyle {

    static final int CELL = 256;
    static final int THUMBNAIL = 128;
    static final int GAP = 4;

    private EvaluateStyle() {}

    record Pair(String name, BufferedImage content, BufferedImage style) {}

    record Row(String name, double toStyle, double contentToStyle, double ssim, double grain, double styleGrain,
            double seconds) {}

    public static void main(String[] args) throws IOException {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path inputs = Path.of(arguments.get("inputs", "docs/style/inputs"));
        Path sheet = Path.of(arguments.get("sheet", "docs/style/neural-style-samples.png"));
        String pairsFile = arguments.get("pairs", "pairs.csv");
        boolean fast = "fast".equals(arguments.get("method", "neural"));
        String fastStyle = arguments.get("fast-style", "fast-style-great-wave");
        Path out = Path.of(arguments.get("out", "build/style-eval"));
        StyleOptions options = StyleOptions.defaults()
                .withSize(Integer.parseInt(arguments.get("size", "256")))
                .withSeed(Long.parseLong(arguments.get("seed", "20261123")))
                .withStrength(Double.parseDouble(arguments.get("strength", String.valueOf(StyleOptions.DEFAULT_STRENGTH))))
                .withIterations(Integer.parseInt(arguments.get("iterations", String.valueOf(StyleOptions.DEFAULT_ITERATIONS))))
                .withPreserveColor(Boolean.parseBoolean(arguments.get("preserve-color", "false")));

        List<Pair> pairs = pairs(inputs, pairsFile);
        ModelCatalog catalog = ModelCatalog.fromClasspath();
        List<Row> rows = new ArrayList<>();
        List<BufferedImage> results = new ArrayList<>();
        Files.createDirectories(out);
        try (Painter transfer = fast ? Painter.fast(catalog, fastStyle) : Painter.neural(catalog);
                InceptionGrams inception = InceptionGrams.load(out.resolve("models"))) {
            System.out.printf(Locale.ROOT, "%s of %d pairs from %s: %s; %s PyTorch thread(s),"
                    + " load average before %s.%nStyle distance: %s (0 = the style itself; the result must be"
                    + " below the content's).%nSSIM: the result's luminance against the content's. Grain: mean"
                    + " |Laplacian| of luminance, result vs the style at the result's pixel count.%n%n"
                    + "%-34s %9s %9s %6s %14s %8s%n",
                    transfer.description(), pairs.size(), inputs.resolve(pairsFile), options, System.getProperty("ai.djl.pytorch.num_threads", "default"),
                    loadAverage(), inception.description(), "pair", "result", "content", "SSIM", "grain/style",
                    "seconds");
            for (Pair pair : pairs) {
                long start = System.nanoTime();
                BufferedImage result = transfer.paint(pair.content(), pair.style(), options);
                double seconds = (System.nanoTime() - start) / 1e9;
                BufferedImage content = resized(pair.content(), result.getWidth(), result.getHeight());
                BufferedImage style = sameArea(pair.style(), result);
                var row = new Row(pair.name(), inception.distance(result, style), inception.distance(content, style),
                        PictureMeasures.ssim(result, content), PictureMeasures.grain(result),
                        PictureMeasures.grain(style), seconds);
                print(row);
                rows.add(row);
                results.add(result);
                ImageIO.write(result, "png", out.resolve(pair.name().replace(" × ", "--") + ".png").toFile());
            }
        }
        print(new Row("mean", mean(rows, Row::toStyle), mean(rows, Row::contentToStyle), mean(rows, Row::ssim),
                mean(rows, Row::grain), mean(rows, Row::styleGrain), mean(rows, Row::seconds)));
        System.out.printf("%nCloser to the style than the content is: %d of %d pairs.%n",
                rows.stream().filter(row -> row.toStyle() < row.contentToStyle()).count(), rows.size());
        Files.createDirectories(sheet.toAbsolutePath().getParent());
        ImageIO.write(sheet(pairs, results), "png", sheet.toFile());
        System.out.printf("%nWrote %s and the results to %s%n", sheet, out);
    }

    /** Paints a content in a style; closes what it loaded. */
    private interface Painter extends AutoCloseable {

        BufferedImage paint(BufferedImage content, BufferedImage style, StyleOptions options);

        String description();

        @Override
        void close();

        static Painter neural(ModelCatalog catalog) {
            NeuralStyle neural = NeuralStyle.load(new ModelLoader(catalog), catalog);
            return new Painter() {
                @Override
                public BufferedImage paint(BufferedImage content, BufferedImage style, StyleOptions options) {
                    return neural.transfer(content, style, options, StyleProgress.NONE);
                }

                @Override
                public String description() {
                    return "Neural style transfer";
                }

                @Override
                public void close() {
                    neural.close();
                }
            };
        }

        static Painter fast(ModelCatalog catalog, String modelId) {
            ModelCard card = catalog.find(modelId).orElseThrow(() -> new IllegalArgumentException("No " + modelId));
            FastStyle network = FastStyle.read(new ModelLoader(catalog).loadFastStyle(card).weights());
            return new Painter() {
                @Override
                public BufferedImage paint(BufferedImage content, BufferedImage style, StyleOptions options) {
                    return network.transfer(content, options);
                }

                @Override
                public String description() {
                    return "Fast style " + modelId + " " + card.version();
                }

                @Override
                public void close() {
                    network.close();
                }
            };
        }
    }

    private static List<Pair> pairs(Path inputs, String pairsFile) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(inputs.resolve(pairsFile))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] files = line.split(",");
            String name = files[0].replace("content-", "").replace(".png", "") + " × "
                    + files[1].replace("style-", "").replace(".png", "");
            pairs.add(new Pair(name, ImageIO.read(inputs.resolve(files[0].strip()).toFile()),
                    ImageIO.read(inputs.resolve(files[1].strip()).toFile())));
        }
        return pairs;
    }

    private static void print(Row row) {
        System.out.printf(Locale.ROOT, "%-34s %9.3f %9.3f %6.3f %6.1f / %5.1f %8.1f%n", row.name(), row.toStyle(),
                row.contentToStyle(), row.ssim(), row.grain(), row.styleGrain(), row.seconds());
    }

    private static double mean(List<Row> rows, ToDoubleFunction<Row> value) {
        return rows.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    /** The style scaled to as many pixels as the result has, as the transfer itself scales it. */
    private static BufferedImage sameArea(BufferedImage style, BufferedImage result) {
        double scale = Math.sqrt((double) result.getWidth() * result.getHeight() / ((double) style.getWidth() * style.getHeight()));
        return resized(style, (int) Math.round(style.getWidth() * scale), (int) Math.round(style.getHeight() * scale));
    }

    private static BufferedImage resized(BufferedImage picture, int width, int height) {
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(picture, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    /**
     * One column per pair: content and style as {@link #THUMBNAIL}-pixel thumbnails, then the result at its own
     * size (at most {@link #CELL} pixels), so that its texture shows pixel for pixel.
     */
    private static BufferedImage sheet(List<Pair> pairs, List<BufferedImage> results) {
        int[] rows = {THUMBNAIL, THUMBNAIL, CELL};
        int width = pairs.size() * (CELL + GAP) + GAP;
        int height = THUMBNAIL * 2 + CELL + 4 * GAP;
        var sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < pairs.size(); i++) {
            List<BufferedImage> column = List.of(pairs.get(i).content(), pairs.get(i).style(), results.get(i));
            int top = GAP;
            for (int row = 0; row < 3; row++) {
                BufferedImage picture = column.get(row);
                double scale = Math.min(1, Math.min((double) rows[row] / picture.getWidth(), (double) rows[row] / picture.getHeight()));
                int w = (int) Math.round(picture.getWidth() * scale);
                int h = (int) Math.round(picture.getHeight() * scale);
                BufferedImage fitted = scale == 1 ? picture : resized(picture, w, h);
                g.drawImage(fitted, GAP + i * (CELL + GAP) + (CELL - w) / 2, top + (rows[row] - h) / 2, null);
                top += rows[row] + GAP;
            }
        }
        g.dispose();
        return sheet;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
