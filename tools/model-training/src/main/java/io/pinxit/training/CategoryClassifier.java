package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pinxit.inference.gan.Dcgan32;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small CNN that tells which emoji category a 32×32 picture shows; the yardstick for the
 * conditional GAN, learned from real pictures only. Three 3×3 convolution stages (32, 64, 128
 * channels, BatchNorm, ReLU, 2×2 max-pooling), dropout, one linear layer. A tool artefact kept under
 * {@code build/}: {@code classifier.params} and {@code classifier.json} (labels and how it was made).
 */
final class CategoryClassifier implements AutoCloseable {

    static final String PARAMS_FILE = "classifier.params";
    static final String DESCRIPTION_FILE = "classifier.json";
    static final float LEARNING_RATE = 1e-3f;
    private static final float DROPOUT = 0.3f;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Model model;
    private final Block network;
    private final List<String> labels;
    private final Optimizer optimizer = Adam.builder().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build();
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /** What {@code classifier.json} records next to the weights. */
    record Description(List<String> labels, long seed, int steps, int batchSize, double heldOutAccuracy,
            double balancedHeldOutAccuracy, int trainingImages, int heldOutImages, String command) {}

    private CategoryClassifier(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.network = network(labels.size());
        this.model = Model.newInstance("emoji-category-classifier");
        model.setBlock(network);
        network.initialize(model.getNDManager(), DataType.FLOAT32, Dcgan32.imageShape(1));
    }

    /** A freshly initialised classifier; initial weights follow {@code seed}. */
    static CategoryClassifier untrained(List<String> labels, long seed) {
        Engine.getInstance().setRandomSeed(Math.toIntExact(seed % Integer.MAX_VALUE));
        return new CategoryClassifier(labels);
    }

    /** The classifier saved in {@code dir} by {@link #save}. */
    static CategoryClassifier load(Path dir) throws IOException, MalformedModelException {
        Path description = dir.resolve(DESCRIPTION_FILE);
        if (!Files.isRegularFile(description)) {
            throw new IOException("No classifier in " + dir + "; run exec:exec@train-classifier first");
        }
        var classifier = new CategoryClassifier(describedIn(dir).labels());
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(PARAMS_FILE))))) {
            classifier.network.loadParameters(classifier.model.getNDManager(), in);
        }
        return classifier;
    }

    static Description describedIn(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(DESCRIPTION_FILE).toFile(), Description.class);
    }

    void save(Path dir, Description description) throws IOException {
        Files.createDirectories(dir);
        Checkpoints.saveParameters(network, dir.resolve(PARAMS_FILE));
        JSON.writeValue(dir.resolve(DESCRIPTION_FILE).toFile(), description);
    }

    List<String> labels() {
        return labels;
    }

    /** One Adam step on {@code count} pictures (channel-first, [-1, 1]) and their labels; returns the loss. */
    float trainStep(float[] pixels, int[] targets) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            var store = new ParameterStore(scope, false);
            NDArray images = scope.create(pixels, Dcgan32.imageShape(targets.length));
            NDArray classIds = scope.create(targets).toType(DataType.FLOAT32, false);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = network.forward(store, new NDList(images), true).singletonOrThrow();
                NDArray total = loss.evaluate(new NDList(classIds), new NDList(logits));
                collector.backward(total);
                value = total.getFloat();
            }
            Gradients.apply(network, optimizer);
            return value;
        }
    }

    /** The most likely label number of each of {@code count} pictures. */
    int[] predict(float[] pixels, int count) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            var store = new ParameterStore(scope, false);
            NDArray images = scope.create(pixels, Dcgan32.imageShape(count));
            NDArray logits = network.forward(store, new NDList(images), false).singletonOrThrow();
            long[] best = logits.argMax(1).toLongArray();
            int[] predicted = new int[count];
            for (int i = 0; i < count; i++) {
                predicted[i] = Math.toIntExact(best[i]);
            }
            return predicted;
        }
    }

    @Override
    public void close() {
        model.close();
    }

    private static Block network(int classes) {
        return new SequentialBlock()
                .add(stage(32))
                .add(stage(64))
                .add(stage(128))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(DROPOUT).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block stage(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .setFilters(filters)
                        .optBias(false)
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
}
