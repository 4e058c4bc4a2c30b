package io.pinxit.training;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ModelTrainer} from where its checkpoints left off to the requested step: logs the mean of each of
 * its figures and the throughput every {@value #LOG_EVERY} steps, and saves a checkpoint with a preview sheet as
 * often as asked.
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
    Checkpoints.Progress run(ModelTrainer trainer) throws Exception {
        return train(trainer, startingPoint(trainer));
    }

    private Checkpoints.Progress startingPoint(ModelTrainer trainer) throws Exception {
        Optional<Checkpoints.Progress> latest = options.resume() ? checkpoints.latest() : Optional.empty();
        if (latest.isEmpty()) {
            return new Checkpoints.Progress(0, 0, Map.of());
        }
        int step = Math.min(latest.get().step(), options.steps());
        Checkpoints.Progress progress = checkpoints.at(step).orElseThrow(
                () -> new IllegalStateException("No checkpoint at step " + step + " in " + options.checkpointDir()));
        trainer.restore(checkpoints, progress);
        LOG.info("Resumed from {}", checkpoints.stepDir(progress.step()));
        return progress;
    }

    private Checkpoints.Progress train(ModelTrainer trainer, Checkpoints.Progress start) throws Exception {
        Checkpoints.Progress progress = start;
        long windowStart = System.nanoTime();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int step = start.step(); step < options.steps(); step++) {
            for (ModelTrainer.Figure figure : trainer.step(step)) {
                sums.merge(figure.name(), (double) figure.value(), Double::sum);
            }
            int done = step + 1;
            if (done % LOG_EVERY == 0 || done == options.steps()) {
                int window = (done - 1) % LOG_EVERY + 1;
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                Map<String, Float> means = new LinkedHashMap<>();
                sums.forEach((name, sum) -> means.put(name, (float) (sum / window)));
                progress = new Checkpoints.Progress(done, progress.trainingSeconds() + seconds, means);
                LOG.info(String.format(Locale.ROOT, "step %d/%d  %s  %.0f images/s  %.1f min", done, options.steps(),
                        logged(means), window * options.batchSize() / seconds, progress.trainingSeconds() / 60));
                sums.clear();
                windowStart = System.nanoTime();
            }
            if (done % options.checkpointEvery() == 0 || done == options.steps()) {
                var saved = checkpoints.save(trainer.networks(), progress);
                SampleSheet.write(trainer.preview(options.seed(), previewCount),
                        saved.resolve(Checkpoints.PREVIEW_FILE));
                LOG.info("Checkpoint {}", saved);
                windowStart = System.nanoTime();
            }
        }
        return progress;
    }

    private static String logged(Map<String, Float> means) {
        StringJoiner line = new StringJoiner("  ");
        means.forEach((name, mean) -> line.add(String.format(Locale.ROOT, "%s %.4f", name, mean)));
        return line.toString();
    }
}
