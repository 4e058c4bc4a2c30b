package io.pinxit.training;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link GanTrainer} from where its checkpoints left off to the requested step: logs mean losses and
 * throughput every {@value #LOG_EVERY} steps and saves a checkpoint with a preview sheet as often as asked.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final int LOG_EVERY = 50;

    private final TrainingOptions options;
    private final Checkpoints checkpoints;
    private final int previewCount;

    TrainingLoop(TrainingOptions options, Checkpoints checkpoints, int previewCount) {
        this.options = options;
        this.checkpoints = checkpoints;
        this.previewCount = previewCount;
    }

    /** Trains, resuming from the newest checkpoint when asked to, and returns how far it got. */
    Checkpoints.Progress run(GanTrainer trainer) throws Exception {
        return train(trainer, startingPoint(trainer));
    }

    private Checkpoints.Progress startingPoint(GanTrainer trainer) throws Exception {
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

    private Checkpoints.Progress train(GanTrainer trainer, Checkpoints.Progress start) throws Exception {
        Checkpoints.Progress progress = start;
        long windowStart = System.nanoTime();
        double sumDiscriminator = 0;
        double sumGenerator = 0;
        double sumRealClass = 0;
        for (int step = start.step(); step < options.steps(); step++) {
            GanTrainer.StepLosses losses = trainer.step(step);
            sumDiscriminator += losses.discriminator();
            sumGenerator += losses.generator();
            sumRealClass += losses.hasClassLoss() ? losses.realClass() : 0;
            int done = step + 1;
            if (done % LOG_EVERY == 0 || done == options.steps()) {
                int window = (done - 1) % LOG_EVERY + 1;
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                progress = new Checkpoints.Progress(done, progress.trainingSeconds() + seconds,
                        (float) (sumDiscriminator / window), (float) (sumGenerator / window));
                String classLoss = losses.hasClassLoss()
                        ? String.format(Locale.ROOT, " (class on real %.4f)", sumRealClass / window) : "";
                LOG.info(String.format(Locale.ROOT, "step %d/%d  loss D %.4f%s  G %.4f  %.0f images/s  %.1f min",
                        done, options.steps(), progress.discriminatorLoss(), classLoss, progress.generatorLoss(),
                        window * options.batchSize() / seconds, progress.trainingSeconds() / 60));
                sumDiscriminator = 0;
                sumGenerator = 0;
                sumRealClass = 0;
                windowStart = System.nanoTime();
            }
            if (done % options.checkpointEvery() == 0 || done == options.steps()) {
                var saved = checkpoints.save(trainer.generator(), trainer.discriminator(), progress);
                SampleSheet.write(trainer.preview(options.seed(), previewCount),
                        saved.resolve(Checkpoints.PREVIEW_FILE));
                LOG.info("Checkpoint {}", saved);
                windowStart = System.nanoTime();
            }
        }
        return progress;
    }
}
