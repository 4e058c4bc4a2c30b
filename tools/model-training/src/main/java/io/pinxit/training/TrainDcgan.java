package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the emoji DCGAN from the prepared emoji images and publishes the generator into
 * {@code models/emoji-dcgan/}. Resuming from the newest checkpoint with {@code --steps} at or below
 * its step publishes that checkpoint without further training.
 */
public final class TrainDcgan {

    private static final Logger LOG = LoggerFactory.getLogger(TrainDcgan.class);
    private static final int LOG_EVERY = 50;
    private static final int PREVIEW_COUNT = 64;

    private TrainDcgan() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        TrainingOptions options = TrainingOptions.parse(args);
        EmojiDataset dataset = EmojiDataset.load(options.dataDir());
        LOG.info("Loaded {} emoji images; training {} steps of {} with seed {} on {}",
                dataset.size(), options.steps(), options.batchSize(), options.seed(), DjlRuntime.info());
        var checkpoints = new Checkpoints(options.checkpointDir());
        try (var trainer = new DcganTrainer(options, dataset)) {
            Checkpoints.Progress progress = startingPoint(options, checkpoints, trainer);
            progress = train(options, checkpoints, trainer, progress);
            ModelCard card = new ModelPublisher(options.modelDir()).publish(trainer.generator(), training(options, progress,
                    "Adam lr %s beta1 %s, BCE with logits".formatted(TrainingOptions.LEARNING_RATE, TrainingOptions.BETA1)));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }

    private static Checkpoints.Progress startingPoint(
            TrainingOptions options, Checkpoints checkpoints, DcganTrainer trainer) throws Exception {
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
            TrainingOptions options, Checkpoints checkpoints, DcganTrainer trainer, Checkpoints.Progress start)
            throws Exception {
        Checkpoints.Progress progress = start;
        long windowStart = System.nanoTime();
        double sumDiscriminator = 0;
        double sumGenerator = 0;
        for (int step = start.step(); step < options.steps(); step++) {
            DcganTrainer.StepLosses losses = trainer.step(step);
            sumDiscriminator += losses.discriminator();
            sumGenerator += losses.generator();
            int done = step + 1;
            if (done % LOG_EVERY == 0 || done == options.steps()) {
                int window = (done - 1) % LOG_EVERY + 1;
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                progress = new Checkpoints.Progress(done, progress.trainingSeconds() + seconds,
                        (float) (sumDiscriminator / window), (float) (sumGenerator / window));
                LOG.info(String.format(Locale.ROOT, "step %d/%d  loss D %.4f  G %.4f  %.0f images/s  %.1f min",
                        done, options.steps(), progress.discriminatorLoss(), progress.generatorLoss(),
                        window * options.batchSize() / seconds, progress.trainingSeconds() / 60));
                sumDiscriminator = 0;
                sumGenerator = 0;
                windowStart = System.nanoTime();
            }
            if (done % options.checkpointEvery() == 0 || done == options.steps()) {
                var saved = checkpoints.save(trainer.generator(), trainer.discriminator(), progress);
                SampleSheet.write(trainer.preview(options.seed(), PREVIEW_COUNT), saved.resolve(Checkpoints.PREVIEW_FILE));
                LOG.info("Checkpoint {}", saved);
                windowStart = System.nanoTime();
            }
        }
        return progress;
    }

    /** What a card records about a run of {@code options} that got as far as {@code progress}. */
    static ModelCard.Training training(TrainingOptions options, Checkpoints.Progress progress, String optimizer) {
        double minutes = Math.round(progress.trainingSeconds() / 6.0) / 10.0;
        int cores = Runtime.getRuntime().availableProcessors();
        String machine = "%d CPU cores, %s %s, DJL device %s, %d PyTorch thread(s)".formatted(
                cores, System.getProperty("os.name"), System.getProperty("os.arch"), DjlRuntime.info().device(),
                Integer.getInteger("ai.djl.pytorch.num_threads", cores));
        return new ModelCard.Training(
                options.withSteps(progress.step()).command(), options.seed(), progress.step(), options.batchSize(),
                optimizer, minutes, machine);
    }
}
