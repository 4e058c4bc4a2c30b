package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the category-conditional emoji GAN and publishes its generator into {@code models/emoji-cgan/}.
 * The card there must already list the labels the data yields, in the same order: the network numbers
 * labels by position, so a mismatch is refused before any training. Resuming with {@code --steps} at or
 * below the newest checkpoint publishes that checkpoint.
 */
public final class TrainCgan {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCgan.class);
    private static final int PREVIEW_PER_LABEL = 8;

    private TrainCgan() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        TrainingOptions options = TrainingOptions.parse(args);
        LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(options.dataDir()), options.dataDir());
        var publisher = new ModelPublisher(options.modelDir());
        requireCardLabels(publisher.card(), data);
        LOG.info("Loaded {} emoji images in {} categories {}; training {} steps of {} with seed {} on {}",
                data.images().size(), data.classes(), data.labels(), options.steps(), options.batchSize(),
                options.seed(), DjlRuntime.platform());
        var checkpoints = new Checkpoints(options.checkpointDir());
        int[][] members = new int[data.classes()][];
        for (int label = 0; label < members.length; label++) {
            members[label] = data.indicesOf(label);
        }
        try (var trainer = new CganTrainer(options, data, members, new LabelConditions(data.classes()))) {
            Checkpoints.Progress progress = new TrainingLoop(options, checkpoints, PREVIEW_PER_LABEL).run(trainer);
            ModelCard card = publisher.publish(trainer.generator(), TrainDcgan.training(options, progress,
                    "Adam lr %s beta1 %s; BCE with logits on a projection discriminator plus softmax cross-entropy"
                            .formatted(TrainingOptions.LEARNING_RATE, TrainingOptions.BETA1)
                            + " on its class logits (AC-GAN, real pictures only for the discriminator)"));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }

    /** Refuses a card whose labels are not the ones the data yields, in its order: networks number labels by position. */
    static void requireCardLabels(ModelCard card, LabelledEmoji data) throws IOException {
        if (!card.labels().equals(data.labels())) {
            throw new IOException("Card %s lists labels %s but the data yields %s"
                    .formatted(card.id(), card.labels(), data.labels()));
        }
    }

}
