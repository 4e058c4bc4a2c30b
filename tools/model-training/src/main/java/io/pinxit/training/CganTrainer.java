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
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.ConditionalGanTranslator;
import io.pinxit.inference.gan.ConditionedLatentBatch;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link ConditionalDcgan32} pair on class-balanced batches, conditioned on labels or prompts
 * ({@link Conditions}). The discriminator learns real-vs-fake through its projection logit and the category of
 * real pictures through its class logits; the generator learns to be taken for real, under its condition, and
 * for the category of the picture its condition describes (AC-GAN). Freezing and optimizers as in
 * {@link DcganTrainer}.
 */
final class CganTrainer implements ModelTrainer {

    private final TrainingOptions options;
    private final LabelledEmoji data;
    private final Conditions conditions;
    private final BalancedSchedule schedule;
    private final LatentSampler sampler;
    private final Model generatorModel;
    private final Model discriminatorModel;
    private final Block generator;
    private final Block discriminator;
    private final Optimizer generatorOptimizer = DcganTrainer.adam();
    private final Optimizer discriminatorOptimizer = DcganTrainer.adam();
    private final Loss adversarial = Loss.sigmoidBinaryCrossEntropyLoss();
    private final Loss category = Loss.softmaxCrossEntropyLoss();
    private final float[] batchPixels;

    /** {@code members[label]}: the images of each category it learns from. */
    CganTrainer(TrainingOptions options, LabelledEmoji data, int[][] members, Conditions conditions) {
        this.options = options;
        this.data = data;
        this.conditions = conditions;
        this.schedule = new BalancedSchedule(options.seed(), members, options.batchSize());
        this.sampler = new LatentSampler(TrainingOptions.LATENT_SIZE);
        this.batchPixels = new float[options.batchSize() * EmojiDataset.IMAGE_FLOATS];
        Engine.getInstance().setRandomSeed(Math.toIntExact(options.seed() % Integer.MAX_VALUE));
        generator = conditions.generator();
        discriminator = conditions.discriminator(data.classes());
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
            BalancedSchedule.Batch picked = schedule.batch(step);
            data.images().copyBatch(picked.imageIndices(), batchPixels);
            NDArray real = scope.create(batchPixels, Dcgan32.imageShape(batch));
            NDArray condition = scope.create(conditions.rows(picked, step), new Shape(batch, conditions.size()));
            NDArray classIds = scope.create(picked.labels()).toType(DataType.FLOAT32, false);
            NDArray noise = scope.create(
                    sampler.sample(schedule.noiseSeed(step), batch), Dcgan32.latentShape(batch, sampler.latentSize()));
            NDList realTargets = new NDList(scope.ones(new Shape(batch, 1)));
            NDList fakeTargets = new NDList(scope.zeros(new Shape(batch, 1)));
            NDList classTargets = new NDList(classIds);

            NDArray fake;
            float discriminatorLoss;
            float realClassLoss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                fake = generator.forward(store, new NDList(noise, condition), true).singletonOrThrow();
                NDArray onReal = discriminator.forward(store, new NDList(real, condition), true).singletonOrThrow();
                NDArray onFake = discriminator.forward(store, new NDList(fake.stopGradient(), condition), true)
                        .singletonOrThrow();
                NDArray classOnReal = category.evaluate(classTargets, new NDList(onReal.get(":, 1:")));
                NDArray total = adversarial.evaluate(realTargets, new NDList(onReal.get(":, 0:1")))
                        .add(adversarial.evaluate(fakeTargets, new NDList(onFake.get(":, 0:1"))))
                        .add(classOnReal);
                collector.backward(total);
                discriminatorLoss = total.getFloat();
                realClassLoss = classOnReal.getFloat();
            }
            Gradients.apply(discriminator, discriminatorOptimizer);

            float generatorLoss;
            DcganTrainer.setTrainable(discriminator, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray judged = discriminator.forward(store, new NDList(fake, condition), true).singletonOrThrow();
                NDArray total = adversarial.evaluate(realTargets, new NDList(judged.get(":, 0:1")))
                        .add(category.evaluate(classTargets, new NDList(judged.get(":, 1:"))));
                collector.backward(total);
                generatorLoss = total.getFloat();
            } finally {
                DcganTrainer.setTrainable(discriminator, true);
            }
            Gradients.apply(generator, generatorOptimizer);
            return List.of(new Figure("D", discriminatorLoss), new Figure("G", generatorLoss),
                    new Figure("class on real", realClassLoss));
        }
    }

    /** {@code perCondition} pictures of every previewed condition from {@code seed}, one after another, in inference mode. */
    @Override
    public List<BufferedImage> preview(long seed, int perCondition) {
        var latents = new LatentBatch(sampler.sample(seed, perCondition), perCondition, sampler.latentSize());
        List<BufferedImage> images = new ArrayList<>();
        try (Predictor<ConditionedLatentBatch, List<BufferedImage>> predictor =
                generatorModel.newPredictor(new ConditionalGanTranslator())) {
            for (float[] condition : conditions.previews()) {
                images.addAll(predictor.predict(new ConditionedLatentBatch(latents, condition)));
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("Preview failed", e);
        }
        return images;
    }

    @Override
    public void close() {
        generatorModel.close();
        discriminatorModel.close();
    }

    private void initialize() {
        Shape labels = new Shape(options.batchSize(), conditions.size());
        generator.initialize(generatorModel.getNDManager(), DataType.FLOAT32,
                Dcgan32.latentShape(options.batchSize(), TrainingOptions.LATENT_SIZE), labels);
        discriminator.initialize(discriminatorModel.getNDManager(), DataType.FLOAT32,
                Dcgan32.imageShape(options.batchSize()), labels);
    }
}
