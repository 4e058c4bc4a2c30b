package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One generator and one discriminator trained against each other, one step at a time. Each network
 * has its own Adam; during the generator's step the discriminator's weights are frozen so that only
 * the generator learns from it (BatchNorm running statistics stay unfrozen: freezing them breaks
 * backward in DJL's PyTorch engine).
 */
final class DcganTrainer implements ModelTrainer {

    private final TrainingOptions options;
    private final EmojiDataset dataset;
    private final BatchSchedule schedule;
    private final LatentSampler sampler;
    private final Model generatorModel;
    private final Model discriminatorModel;
    private final Block generator;
    private final Block discriminator;
    private final Optimizer generatorOptimizer = adam();
    private final Optimizer discriminatorOptimizer = adam();
    private final Loss loss = Loss.sigmoidBinaryCrossEntropyLoss();
    private final float[] batchPixels;

    DcganTrainer(TrainingOptions options, EmojiDataset dataset) {
        this.options = options;
        this.dataset = dataset;
        this.schedule = new BatchSchedule(options.seed(), dataset.size(), options.batchSize());
        this.sampler = new LatentSampler(TrainingOptions.LATENT_SIZE);
        this.batchPixels = new float[options.batchSize() * EmojiDataset.IMAGE_FLOATS];
        Engine.getInstance().setRandomSeed(Math.toIntExact(options.seed() % Integer.MAX_VALUE));
        generator = Dcgan32.generator(TrainingOptions.LATENT_SIZE, TrainingOptions.BASE_WIDTH);
        discriminator = Dcgan32.discriminator(TrainingOptions.BASE_WIDTH);
        generatorModel = Model.newInstance("generator");
        generatorModel.setBlock(generator);
        discriminatorModel = Model.newInstance("discriminator");
        discriminatorModel.setBlock(discriminator);
        initialize();
    }

    /** The network that is published. */
    Block generator() {
        return generator;
    }

    @Override
    public Map<String, Block> networks() {
        return Map.of(Checkpoints.GENERATOR, generator, Checkpoints.DISCRIMINATOR, discriminator);
    }

    @Override
    public void restore(Checkpoints checkpoints, Checkpoints.Progress progress) throws IOException, MalformedModelException {
        checkpoints.restore(progress, generatorModel.getNDManager(), networks());
        initialize();
    }

    @Override
    public List<Figure> step(int step) {
        NDManager manager = generatorModel.getNDManager();
        try (NDManager scope = manager.newSubManager()) {
            var store = new ParameterStore(scope, false);
            int batch = options.batchSize();
            dataset.copyBatch(schedule.imageIndices(step), batchPixels);
            NDArray real = scope.create(batchPixels, Dcgan32.imageShape(batch));
            NDArray noise = scope.create(
                    sampler.sample(schedule.noiseSeed(step), batch), Dcgan32.latentShape(batch, sampler.latentSize()));
            NDList realLabels = new NDList(scope.ones(new Shape(batch, 1)));
            NDList fakeLabels = new NDList(scope.zeros(new Shape(batch, 1)));

            NDArray fake;
            float discriminatorLoss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                fake = generator.forward(store, new NDList(noise), true).singletonOrThrow();
                NDArray onReal = loss.evaluate(realLabels, discriminator.forward(store, new NDList(real), true));
                NDArray onFake = loss.evaluate(fakeLabels, discriminator.forward(store, new NDList(fake.stopGradient()), true));
                NDArray total = onReal.add(onFake);
                collector.backward(total);
                discriminatorLoss = total.getFloat();
            }
            Gradients.apply(discriminator, discriminatorOptimizer);

            float generatorLoss;
            setTrainable(discriminator, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray fooled = loss.evaluate(realLabels, discriminator.forward(store, new NDList(fake), true));
                collector.backward(fooled);
                generatorLoss = fooled.getFloat();
            } finally {
                setTrainable(discriminator, true);
            }
            Gradients.apply(generator, generatorOptimizer);
            return List.of(new Figure("D", discriminatorLoss), new Figure("G", generatorLoss));
        }
    }

    /** What the generator currently makes from {@code seed}, in inference mode, as the shipped model would. */
    @Override
    public List<BufferedImage> preview(long seed, int count) {
        var latents = new LatentBatch(sampler.sample(seed, count), count, sampler.latentSize());
        try (Predictor<LatentBatch, List<BufferedImage>> predictor = generatorModel.newPredictor(new GanTranslator())) {
            return predictor.predict(latents);
        } catch (TranslateException e) {
            throw new IllegalStateException("Preview failed", e);
        }
    }

    @Override
    public void close() {
        generatorModel.close();
        discriminatorModel.close();
    }

    private void initialize() {
        generator.initialize(generatorModel.getNDManager(), DataType.FLOAT32,
                Dcgan32.latentShape(options.batchSize(), TrainingOptions.LATENT_SIZE));
        discriminator.initialize(discriminatorModel.getNDManager(), DataType.FLOAT32,
                Dcgan32.imageShape(options.batchSize()));
    }

    static void setTrainable(Block block, boolean trainable) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            Parameter.Type type = parameter.getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                parameter.freeze(!trainable);
            }
        }
    }

    static Optimizer adam() {
        return Adam.builder()
                .optLearningRateTracker(Tracker.fixed(TrainingOptions.LEARNING_RATE))
                .optBeta1(TrainingOptions.BETA1)
                .build();
    }
}
