package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the category-conditional emoji VAE and publishes encoder and decoder, one weights file, into
 * {@code models/emoji-vae/}. As for the conditional GAN, the card there must already list the labels the data
 * yields, in order; resuming with {@code --steps} at or below the newest checkpoint publishes that checkpoint.
 */
public final class TrainVae {

    private static final Logger LOG = LoggerFactory.getLogger(TrainVae.class);
    private static final int PREVIEW_PER_LABEL = 8;

    private TrainVae() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        TrainingOptions options = TrainingOptions.parse(args);
        LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(options.dataDir()), options.dataDir());
        var publisher = new ModelPublisher(options.modelDir());
        TrainCgan.requireCardLabels(publisher.card(), data);
        LOG.info("Loaded {} emoji images in {} categories {}; training {} steps of {} with seed {} on {}",
                data.images().size(), data.classes(), data.labels(), options.steps(), options.batchSize(),
                options.seed(), DjlRuntime.platform());
        var checkpoints = new Checkpoints(options.checkpointDir());
        try (var trainer = new VaeTrainer(options, data)) {
            Checkpoints.Progress progress = new TrainingLoop(options, checkpoints, PREVIEW_PER_LABEL).run(trainer);
            ModelCard card = publisher.publish(trainer.network(), TrainDcgan.training(options, progress,
                    ("Adam lr %s; per picture, L1 reconstruction error summed over pixels on [-1, 1] plus beta times"
                            + " the KL divergence from the label's prior N(mu(label), I), beta rising linearly from 0"
                            + " to %s over the first %d steps")
                            .formatted(VaeTrainer.LEARNING_RATE, VaeTrainer.BETA, VaeTrainer.KL_WARM_UP_STEPS)));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }
}
