package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
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
    private static final int LOG_EVERY = 50;
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
                options.seed(), DjlRuntime.info());
        var checkpoints = new Checkpoints(options.checkpointDir());
        try (var trainer = new CganTrainer(options, data)) {
            Checkpoints.Progress progress = startingPoint(options, checkpoints, trainer);
            progress = train(options, checkpoints, trainer, progress);
            ModelCard card = publisher.publish(trainer.generator(), TrainDcgan.training(options, progress,
                    "Adam lr %s beta1 %s; BCE with logits on a projection discriminator plus softmax cross-entropy"
                            .formatted(TrainingOptions.LEARNING_RATE, TrainingOptions.BETA1)
                            + " on its class logits (AC-GAN, real pictures only for the discriminator)"));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }

    private static void requireCardLabels(ModelCard card, LabelledEmoji data) throws IOException {
        if (!card.labels().equals(data.labels())) {
            throw new IOException("Card %s lists labels %s but the data yields %s"
                    .formatted(card.id(), card.labels(), data.labels()));
        }
    }

    private static Checkpoints.Progress startingPoint(
            TrainingOptions options, Checkpoints checkpoints, CganTrainer trainer) throws Exception {
        Optional<Checkpoints.Progress> latest = options.resume() ? checkpoints.latest() : Optional.empty();
        if (latest.isEmpty()) {
            return new Checkpoints.Progress(0, 0, Float.NaN, Float.NaN);
        }
        int step = Math.min(latest.get().step(), options.steps());
        Checkpoints.Progress progress = checkpoints.at(step).orElseThrow(
                () -> new IllegalStateException("No checkpoint at step " + step + " in " + options.checkpointDir()));
        trainer.restore(checkpoints, progress);
        LOG.info("Resumed from {}", checkpoints.stepDir(progress.step()));
        return progress;
    }

    private static Checkpoints.Progress train(
            TrainingOptions options, Checkpoints checkpoints, CganTrainer trainer, Checkpoints.Progress start)
            throws Exception {
        Checkpoints.Progress progress = start;
        long windowStart = System.nanoTime();
        double sumDiscriminator = 0;
        double sumGenerator = 0;
        double sumRealClass = 0;
        for (int step = start.step(); step < options.steps(); step++) {
            CganTrainer.StepLosses losses = trainer.step(step);
            sumDiscriminator += losses.discriminator();
            sumGenerator += losses.generator();
            sumRealClass += losses.realClass();
            int done = step + 1;
            if (done % LOG_EVERY == 0 || done == options.steps()) {
                int window = (done - 1) % LOG_EVERY + 1;
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                progress = new Checkpoints.Progress(done, progress.trainingSeconds() + seconds,
                        (float) (sumDiscriminator / window), (float) (sumGenerator / window));
                LOG.info(String.format(Locale.ROOT,
                        "step %d/%d  loss D %.4f (class on real %.4f)  G %.4f  %.0f images/s  %.1f min",
                        done, options.steps(), progress.discriminatorLoss(), sumRealClass / window,
                        progress.generatorLoss(), window * options.batchSize() / seconds,
                        progress.trainingSeconds() / 60));
                sumDiscriminator = 0;
                sumGenerator = 0;
                sumRealClass = 0;
                windowStart = System.nanoTime();
            }
            if (done % options.checkpointEvery() == 0 || done == options.steps()) {
                var saved = checkpoints.save(trainer.generator(), trainer.discriminator(), progress);
                SampleSheet.write(trainer.preview(options.seed(), PREVIEW_PER_LABEL),
                        saved.resolve(Checkpoints.PREVIEW_FILE));
                LOG.info("Checkpoint {}", saved);
                windowStart = System.nanoTime();
            }
        }
        return progress;
    }
}
