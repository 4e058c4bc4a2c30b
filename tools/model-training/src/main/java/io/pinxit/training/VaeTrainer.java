package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentSampler;
import io.pinxit.inference.vae.ConditionalVae32;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link ConditionalVae32} on class-balanced batches by minimising reconstruction error + β·KL: the
 * reconstruction error is the absolute pixel difference summed over each picture, the KL divergence of the
 * encoder's Gaussian from its label's prior N(μ(label), I) is summed over the latent vector, both averaged over
 * the batch. β rises linearly from 0 over the first {@value #KL_WARM_UP_STEPS} steps, so that the encoder learns
 * to use the latent space before the prior pulls it in. The noise of the reparameterisation is drawn by
 * {@link LatentSampler} from the step's noise seed, never by the engine.
 */
final class VaeTrainer implements ModelTrainer {

    static final String NETWORK = "vae";
    static final float LEARNING_RATE = 5e-4f;
    /** Above 1 on purpose: at β = 1 every latent dimension stayed in use and prior samples decoded to blends. */
    static final float BETA = 4f;
    static final int KL_WARM_UP_STEPS = 500;
    private static final int[] PICTURE_AXES = {1, 2, 3};

    private final TrainingOptions options;
    private final LabelledEmoji data;
    private final BalancedSchedule schedule;
    private final LatentSampler sampler;
    private final Model model;
    private final ConditionalVae32 network;
    private final Optimizer optimizer = Adam.builder().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build();
    private final float[] batchPixels;

    VaeTrainer(TrainingOptions options, LabelledEmoji data) {
        this.options = options;
        this.data = data;
        int[][] members = new int[data.classes()][];
        for (int label = 0; label < members.length; label++) {
            members[label] = data.indicesOf(label);
        }
        this.schedule = new BalancedSchedule(options.seed(), members, options.batchSize());
        this.sampler = new LatentSampler(TrainingOptions.LATENT_SIZE);
        this.batchPixels = new float[options.batchSize() * EmojiDataset.IMAGE_FLOATS];
        Engine.getInstance().setRandomSeed(Math.toIntExact(options.seed() % Integer.MAX_VALUE));
        network = new ConditionalVae32(TrainingOptions.LATENT_SIZE, TrainingOptions.BASE_WIDTH);
        model = Model.newInstance(NETWORK);
        model.setBlock(network);
        initialize();
    }

    /** The network that is published: encoder and decoder in one block. */
    Block network() {
        return network;
    }

    @Override
    public Map<String, Block> networks() {
        return Map.of(NETWORK, network);
    }

    @Override
    public void restore(Checkpoints checkpoints, Checkpoints.Progress progress) throws IOException, MalformedModelException {
        checkpoints.restore(progress, model.getNDManager(), networks());
        initialize();
    }

    @Override
    public List<Figure> step(int step) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            int batch = options.batchSize();
            BalancedSchedule.Batch picked = schedule.batch(step);
            data.images().copyBatch(picked.imageIndices(), batchPixels);
            NDArray real = scope.create(batchPixels, Dcgan32.imageShape(batch));
            NDArray oneHot = ConditionalDcgan32.oneHot(scope, picked.labels(), data.classes());
            NDArray noise = scope.create(
                    sampler.sample(schedule.noiseSeed(step), batch), Dcgan32.latentShape(batch, sampler.latentSize()));
            float beta = beta(step);
            float reconstructionLoss;
            float klLoss;
            float totalLoss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = network.forward(new ParameterStore(scope, false), new NDList(real, oneHot, noise), true);
                NDArray mean = outputs.get(1);
                NDArray logVariance = outputs.get(2);
                NDArray reconstruction = outputs.get(0).sub(real).abs().sum(PICTURE_AXES).mean();
                NDArray kl = mean.square().add(logVariance.exp()).sub(logVariance).sub(1f).sum(new int[] {1})
                        .mul(0.5f).mean();
                NDArray total = reconstruction.add(kl.mul(beta));
                collector.backward(total);
                reconstructionLoss = reconstruction.getFloat();
                klLoss = kl.getFloat();
                totalLoss = total.getFloat();
            }
            Gradients.apply(network, optimizer);
            return List.of(new Figure("loss", totalLoss), new Figure("reconstruction", reconstructionLoss),
                    new Figure("KL", klLoss), new Figure("beta", beta));
        }
    }

    /** {@code perLabel} pictures of every label decoded from {@code seed}'s latents, label by label, as shipped. */
    @Override
    public List<BufferedImage> preview(long seed, int perLabel) {
        List<BufferedImage> images = new ArrayList<>();
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray latents = scope.create(sampler.sample(seed, perLabel), Dcgan32.latentShape(perLabel, sampler.latentSize()));
            for (int label = 0; label < data.classes(); label++) {
                int[] labels = new int[perLabel];
                Arrays.fill(labels, label);
                images.addAll(GanTranslator.toImages(
                        network.decode(latents, ConditionalDcgan32.oneHot(scope, labels, data.classes()))));
            }
        }
        return images;
    }

    @Override
    public void close() {
        model.close();
    }

    /** The KL weight of {@code step}: linear warm-up to {@link #BETA}. */
    static float beta(int step) {
        return BETA * Math.min(1f, (float) step / KL_WARM_UP_STEPS);
    }

    private void initialize() {
        network.initialize(model.getNDManager(), DataType.FLOAT32,
                ConditionalVae32.inputShapes(options.batchSize(), TrainingOptions.LATENT_SIZE, data.classes()));
    }
}
