package io.pinxit.training;

import io.pinxit.contracts.ComputePlatform;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the emoji DCGAN from the prepared emoji images and publishes the generator into
 * {@code models/emoji-dcgan/}. Resuming from the newest checkpoint with {@code --steps} at or below
 * its step publishes that checkpoint without further training.
 */
public final class TrainDcgan {

    private static final Logger LOG = LoggerFactory.getLogger(TrainDcgan.class);
    private static final int PREVIEW_COUNT = 64;

    private TrainDcgan() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        TrainingOptions options = TrainingOptions.parse(args);
        EmojiDataset dataset = EmojiDataset.load(options.dataDir());
        LOG.info("Loaded {} emoji images; training {} steps of {} with seed {} on {}",
                dataset.size(), options.steps(), options.batchSize(), options.seed(), DjlRuntime.platform());
        var checkpoints = new Checkpoints(options.checkpointDir());
        try (var trainer = new DcganTrainer(options, dataset)) {
            Checkpoints.Progress progress = new TrainingLoop(options, checkpoints, PREVIEW_COUNT).run(trainer);
            ModelCard card = new ModelPublisher(options.modelDir()).publish(trainer.generator(), training(options, progress,
                    "Adam lr %s beta1 %s, BCE with logits".formatted(TrainingOptions.LEARNING_RATE, TrainingOptions.BETA1)));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }

    /** What a card records about a run of {@code options} that got as far as {@code progress}. */
    static ModelCard.Training training(TrainingOptions options, Checkpoints.Progress progress, String optimizer) {
        double minutes = Math.round(progress.trainingSeconds() / 6.0) / 10.0;
        return new ModelCard.Training(
                options.withSteps(progress.step()).command(), options.seed(), progress.step(), options.batchSize(),
                optimizer, minutes, machine(), 0, null, null);
    }

    /** The machine a run is on, as cards state it. */
    static String machine() {
        ComputePlatform platform = DjlRuntime.platform();
        return "%d CPU cores (%s), DJL device %s, kernels %s, %d PyTorch thread(s)".formatted(
                Runtime.getRuntime().availableProcessors(), platform.processor(), platform.device(), platform.kernels(),
                platform.threads());
    }
}
