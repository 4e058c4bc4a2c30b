package io.pinxit.inference.style;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Learns a style into a {@link FastStyle} network (Johnson et al., 2016): the network paints crops of photographs and
 * is corrected by the same losses {@link NeuralStyle} optimises a single picture with, seen by the same feature
 * network: smoothed Gram matrices against the style's, activations against the photo's own. Like a
 * {@link NeuralStyle} optimisation, one training at a time per JVM (DJL records gradients for one collector at a time).
 */
public final class FastStyleTraining implements AutoCloseable {

    /** The longest side of the previews a {@link StyleProgress} gets. */
    public static final int PREVIEW_SIZE = 128;
    static final int PREVIEW_EVERY = 50;
    /**
     * The style is shown to the loss with as many pixels as a square of this many crop sides: its strokes come out as
     * big as the optimisation draws them in a picture of twice the crop's side (512 pixels for 256-pixel crops).
     */
    private static final int STYLE_SIDE_IN_CROPS = 2;
    private static final float LEARNING_RATE = 1e-3f;
    private static final int LOSS_WINDOW = 50;

    private final ImageEmbedder network;
    private final StyleRecipe recipe;
    private final List<String> layers;

    /** Training over {@code network}, which must be nsfwjs's MobileNet v2 ({@link NeuralStyle#FEATURE_MODEL}); closes it. */
    public FastStyleTraining(ImageEmbedder network) {
        this.network = Objects.requireNonNull(network);
        this.recipe = StyleRecipe.TUNED;
        List<String> all = new ArrayList<>(recipe.styleLayers());
        if (!all.contains(recipe.contentLayer())) {
            all.add(recipe.contentLayer());
        }
        this.layers = List.copyOf(all);
    }

    /** @throws io.pinxit.inference.ModelLoadException when the catalog lacks the feature network or it cannot be loaded */
    public static FastStyleTraining load(ModelLoader loader, ModelCatalog catalog) {
        return new FastStyleTraining(NeuralStyle.featureNetwork(loader, catalog));
    }

    /**
     * Trains a network to paint in {@code style}. In deterministic mode (one intra-op thread), the same inputs and
     * schedule give the same weights on the same kernels; with more threads the backward passes sum in varying
     * order and the weights differ in their last bits (docs/numerics.md). Previews show the first photo painted by
     * the network as it stands.
     */
    public TrainedFastStyle train(BufferedImage style, TrainingPhotos photos, FastStyleSchedule schedule,
            StyleProgress progress) {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(photos, "photos");
        Objects.requireNonNull(progress, "progress");
        var random = new SplittableRandom(schedule.seed());
        Engine.getInstance().setRandomSeed(Math.toIntExact(schedule.seed() & Integer.MAX_VALUE));
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device())) {
            Block painter = FastStyleNetwork.create();
            painter.initialize(manager, DataType.FLOAT32, FastStyleNetwork.inputShape(schedule.batchSize(), schedule.cropSize()));
            painter.getParameters().values().forEach(parameter -> parameter.getArray().setRequiresGradient(true));
            Map<String, NDArray> styleGrams = styleGrams(style, STYLE_SIDE_IN_CROPS * schedule.cropSize(), manager);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build();
            var losses = new RunningLosses();
            BufferedImage previewPhoto = previewPhoto(photos.first());
            for (int step = 1; step <= schedule.steps(); step++) {
                double[] terms = step(painter, styleGrams, batch(photos, schedule, random), adam, manager);
                if (!Double.isFinite(terms[0]) || !Double.isFinite(terms[1])) {
                    throw new TrainingDivergedException(step, terms[0], terms[1]);
                }
                losses.add(terms);
                progress.iterated(step, schedule.steps());
                if (step % PREVIEW_EVERY == 0 || step == schedule.steps()) {
                    progress.previewed(preview(painter, previewPhoto), step, schedule.steps());
                }
            }
            byte[] weights = weights(painter);
            return new TrainedFastStyle(weights, Sha256.hex(weights), schedule, losses.style(), losses.content());
        }
    }

    ImageEmbedder network() {
        return network;
    }

    private Map<String, NDArray> styleGrams(BufferedImage style, int side, NDManager manager) {
        int[] size = Pictures.fitted(style.getWidth(), style.getHeight(), side);
        double area = (double) side * side / ((double) size[0] * size[1]);
        int width = (int) Math.round(size[0] * Math.sqrt(area));
        int height = (int) Math.round(size[1] * Math.sqrt(area));
        try (NDManager scope = manager.newSubManager()) {
            NDArray picture = Pictures.array(Pictures.resized(style, width, height), scope);
            Map<String, NDArray> features = PerceptualLoss.features(network, picture, recipe.styleLayers(), scope);
            var grams = new HashMap<String, NDArray>();
            for (String layer : recipe.styleLayers()) {
                NDArray gram = PerceptualLoss.gram(features.get(layer), recipe.temperature());
                gram.attach(manager);
                grams.put(layer, gram);
            }
            return grams;
        }
    }

    private static List<BufferedImage> batch(TrainingPhotos photos, FastStyleSchedule schedule, SplittableRandom random) {
        List<BufferedImage> crops = new ArrayList<>();
        for (int i = 0; i < schedule.batchSize(); i++) {
            crops.add(photos.crop(schedule.cropSize(), random));
        }
        return crops;
    }

    /** One optimiser step; the style and content terms it saw. */
    private double[] step(Block painter, Map<String, NDArray> styleGrams, List<BufferedImage> crops, Optimizer adam,
            NDManager manager) {
        double[] terms;
        try (NDManager step = manager.newSubManager()) {
            NDList pictures = new NDList();
            crops.forEach(crop -> pictures.add(Pictures.array(crop, step)));
            NDArray photos = NDArrays.concat(pictures, 0);
            NDArray contentTarget = PerceptualLoss.features(network, photos, List.of(recipe.contentLayer()), step)
                    .get(recipe.contentLayer());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray painted = FastStyle.paint(painter, photos, step, true);
                Map<String, NDArray> features = PerceptualLoss.features(network, painted, layers, step);
                NDArray style = null;
                for (String layer : recipe.styleLayers()) {
                    NDArray term = PerceptualLoss.relativeDistance(
                            PerceptualLoss.gram(features.get(layer), recipe.temperature()), styleGrams.get(layer));
                    style = style == null ? term : style.add(term);
                }
                NDArray content = PerceptualLoss.relativeDistance(features.get(recipe.contentLayer()), contentTarget);
                collector.backward(style.add(PerceptualLoss.times(content, recipe.contentWeight())));
                terms = new double[] {style.getFloat(), content.getFloat()};
            }
        }
        for (Pair<String, Parameter> parameter : painter.getParameters()) {
            NDArray weights = parameter.getValue().getArray();
            try (NDArray gradient = weights.getGradient()) {
                adam.update(parameter.getValue().getId(), weights, gradient);
                gradient.subi(gradient);
            }
        }
        return terms;
    }

    private static BufferedImage previewPhoto(BufferedImage photo) {
        int[] size = Pictures.fitted(photo.getWidth(), photo.getHeight(), PREVIEW_SIZE);
        return Pictures.resized(photo, size[0], size[1]);
    }

    private static BufferedImage preview(Block painter, BufferedImage photo) {
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device())) {
            return Pictures.picture(FastStyle.paint(painter, Pictures.array(photo, manager), manager, false).clip(0f, 1f));
        }
    }

    private static byte[] weights(Block painter) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            painter.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        network.close();
    }

    /** The terms' means over the last {@link #LOSS_WINDOW} steps. */
    private static final class RunningLosses {
        private final double[][] window = new double[LOSS_WINDOW][];
        private int count;

        void add(double[] terms) {
            window[count++ % LOSS_WINDOW] = terms;
        }

        double style() {
            return mean(0);
        }

        double content() {
            return mean(1);
        }

        private double mean(int term) {
            int size = Math.min(count, LOSS_WINDOW);
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += window[i][term];
            }
            return size == 0 ? 0 : sum / size;
        }
    }
}
