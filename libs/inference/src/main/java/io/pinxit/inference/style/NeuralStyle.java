package io.pinxit.inference.style;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoadException;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Neural style transfer by optimisation (Gatys et al.): the picture is changed, starting from the content in the
 * style's palette, until a pretrained network sees the style's textures in it and still the content's shapes.
 * The network is nsfwjs's MobileNet v2. Against the high-frequency noise that optimising through it gives, its
 * activations are smoothed before the Gram matrices (Wang et al., 2021), the picture is optimised as a Laplacian
 * pyramid whose finest levels may change luminance only, coarse scales first, and seen through a jittered window.
 *
 * <p>One optimisation at a time per JVM, this or a {@link FastStyleTraining}: DJL's PyTorch engine records gradients
 * for one collector at a time and refuses a second.
 */
public final class NeuralStyle implements AutoCloseable {

    /** The feature network's model id in the catalog. */
    public static final String FEATURE_MODEL = "nsfwjs-mobilenet-v2";
    /** The longest side of the previews a {@link StyleProgress} gets. */
    public static final int PREVIEW_SIZE = 128;
    static final int PREVIEW_EVERY = 10;

    private final ImageEmbedder network;
    private final StyleRecipe recipe;

    /** A transfer over {@code network}, which must be nsfwjs's MobileNet v2 ({@link #FEATURE_MODEL}); closes it. */
    public NeuralStyle(ImageEmbedder network) {
        this(network, StyleRecipe.TUNED);
    }

    NeuralStyle(ImageEmbedder network, StyleRecipe recipe) {
        this.network = Objects.requireNonNull(network);
        this.recipe = recipe;
    }

    /**
     * Loads the feature network (hash-checked) from the catalog.
     *
     * @throws ModelLoadException when the catalog lacks it or it cannot be loaded
     */
    public static NeuralStyle load(ModelLoader loader, ModelCatalog catalog) {
        return new NeuralStyle(featureNetwork(loader, catalog));
    }

    static ImageEmbedder featureNetwork(ModelLoader loader, ModelCatalog catalog) {
        return loader.loadEmbedder(catalog.find(FEATURE_MODEL).orElseThrow(
                () -> new ModelLoadException("The catalog has no '%s' for style transfer".formatted(FEATURE_MODEL))));
    }

    /**
     * The content redrawn in the style, {@code options.size()} pixels on its longest side with the content's
     * aspect ratio. In deterministic mode (one intra-op thread) the same inputs and options give
     * the same pixels on the same kernels (docs/numerics.md).
     */
    public BufferedImage transfer(BufferedImage content, BufferedImage style, StyleOptions options, StyleProgress progress) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        int[] size = Pictures.fitted(content.getWidth(), content.getHeight(), options.size());
        BufferedImage target = Pictures.resized(content, size[0], size[1]);
        if (options.strength() == 0) {
            return target;
        }
        if (options.preserveColor()) {
            BufferedImage result = optimised(target, null, ColourTransfer.recoloured(style, target), options, progress);
            return ColourTransfer.withChromaOf(result, target);
        }
        return optimised(target, ColourTransfer.recoloured(target, style), style, options, progress);
    }

    /**
     * @param recoloured the content in the style's palette, which the optimisation starts from and keeps the
     *     shapes of (the more so the stronger the transfer), or null to start from the content itself
     */
    private BufferedImage optimised(BufferedImage content, BufferedImage recoloured, BufferedImage style,
            StyleOptions options, StyleProgress progress) {
        var random = new SplittableRandom(options.seed());
        var counter = new Counter(scaleCount(options.size()) * options.iterations(), progress);
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device())) {
            NDArray start = Pictures.array(content, manager);
            if (recoloured != null) {
                NDArray shift = Pictures.array(recoloured, manager).sub(start);
                start = start.add(PerceptualLoss.times(shift, Math.min(1, 2 * options.strength())));
            }
            float contentWeight = (float) contentWeight(options.strength());
            NDArray picture = null;
            NDArray previousContent = null;
            for (NDArray scaleContent : scales(start)) {
                NDArray scaleStart = picture == null
                        ? scaleContent
                        : scaleContent.add(LaplacianPyramid.upsampled(picture.sub(previousContent), scaleContent.getShape()));
                picture = optimisedAtScale(scaleContent, scaleStart, style, options.iterations(), contentWeight,
                        random, counter);
                previousContent = scaleContent;
            }
            return Pictures.picture(picture.clip(0f, 1f));
        }
    }

    /** The picture at each scale, coarsest first, each twice the previous one's side. */
    private List<NDArray> scales(NDArray picture) {
        List<NDArray> scales = new ArrayList<>();
        scales.add(picture);
        int longest = Math.toIntExact(Math.max(picture.getShape().get(2), picture.getShape().get(3)));
        for (int count = scaleCount(longest); scales.size() < count; ) {
            scales.add(0, LaplacianPyramid.downsampled(scales.get(0)));
        }
        return scales;
    }

    private int scaleCount(int longestSide) {
        int count = 1;
        for (int side = longestSide; side / 2 >= recipe.coarsestSide(); side /= 2) {
            count++;
        }
        return count;
    }

    /**
     * Optimises one scale from {@code start}, which is the content at this scale plus the previous scale's changes
     * enlarged, so that upsampling loses none of the content's finer detail. The result belongs to
     * {@code content}'s manager.
     */
    private NDArray optimisedAtScale(NDArray content, NDArray start, BufferedImage style, int iterations,
            float contentWeight, SplittableRandom random, Counter counter) {
        try (NDManager scale = content.getManager().newSubManager()) {
            NDArray styleArray = Pictures.array(styleAtScale(style, content), scale);
            var loss = new PerceptualLoss(network, recipe, content, styleArray, scale);
            var pyramid = LaplacianPyramid.of(LumaChroma.fromRgb(start), recipe.pyramidDepth(), scale);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) recipe.learningRate())).build();
            for (int i = 0; i < iterations; i++) {
                step(loss, pyramid, adam, contentWeight, random);
                counter.advance(pyramid);
            }
            return rgb(pyramid, content.getManager());
        }
    }

    private void step(PerceptualLoss loss, LaplacianPyramid pyramid, Optimizer adam, float contentWeight,
            SplittableRandom random) {
        int dy = random.nextInt(2 * recipe.jitter() + 1);
        int dx = random.nextInt(2 * recipe.jitter() + 1);
        List<NDArray> levels = pyramid.levels();
        try (NDManager step = levels.get(0).getManager().newSubManager()) {
            step.tempAttachAll(levels.toArray(NDArray[]::new));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                PerceptualLoss.Terms terms = loss.evaluate(LumaChroma.toRgb(pyramid.composed()), dy, dx);
                collector.backward(terms.style().add(PerceptualLoss.times(terms.content(), contentWeight)));
            }
        }
        for (int level = 0; level < levels.size(); level++) {
            NDArray parameter = levels.get(level);
            try (NDArray gradient = parameter.getGradient()) {
                if (level < recipe.lumaOnlyLevels()) {
                    gradient.set(new NDIndex(":, 1:"), 0f);
                }
                adam.update("level-" + level, parameter, gradient);
                gradient.subi(gradient);
            }
        }
    }

    /** The pyramid's picture in RGB, owned by {@code owner}, detached from the optimisation. */
    private static NDArray rgb(LaplacianPyramid pyramid, NDManager owner) {
        try (NDManager scope = pyramid.levels().get(0).getManager().newSubManager()) {
            scope.tempAttachAll(pyramid.levels().toArray(NDArray[]::new));
            NDArray picture = LumaChroma.toRgb(pyramid.composed()).stopGradient();
            picture.attach(owner);
            return picture;
        }
    }

    /** Strength 0.5 gives the recipe's content weight; each 0.25 more divides it by ten. */
    private double contentWeight(double strength) {
        return recipe.contentWeight() * Math.pow(10, 4 * (0.5 - strength));
    }

    /** The style resized so that it covers as many pixels as the content does at this scale. */
    private static BufferedImage styleAtScale(BufferedImage style, NDArray content) {
        double area = (double) content.getShape().get(2) * content.getShape().get(3);
        double scale = Math.sqrt(area / ((double) style.getWidth() * style.getHeight()));
        return Pictures.resized(style, Math.max(1, (int) Math.round(style.getWidth() * scale)),
                Math.max(1, (int) Math.round(style.getHeight() * scale)));
    }

    @Override
    public void close() {
        network.close();
    }

    /** Counts steps over all scales and tells the listener, with a preview every {@link #PREVIEW_EVERY}. */
    private static final class Counter {
        private final int total;
        private final StyleProgress progress;
        private int done;

        Counter(int total, StyleProgress progress) {
            this.total = total;
            this.progress = progress;
        }

        void advance(LaplacianPyramid pyramid) {
            done++;
            progress.iterated(done, total);
            if (done % PREVIEW_EVERY == 0 || done == total) {
                progress.previewed(preview(pyramid), done, total);
            }
        }

        private static BufferedImage preview(LaplacianPyramid pyramid) {
            try (NDManager scope = pyramid.levels().get(0).getManager().newSubManager()) {
                BufferedImage picture = Pictures.picture(rgb(pyramid, scope).clip(0f, 1f));
                int longest = Math.max(picture.getWidth(), picture.getHeight());
                int[] size = Pictures.fitted(picture.getWidth(), picture.getHeight(), Math.min(PREVIEW_SIZE, longest));
                return Pictures.resized(picture, size[0], size[1]);
            }
        }
    }
}
