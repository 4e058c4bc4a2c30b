package io.pinxit.training;

import io.pinxit.inference.DjlRuntime;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the emoji-category classifier on the training 80 % of the real pictures ({@link HeldOutSplit}),
 * prints its accuracy on the held-out 20 % and saves it under {@code build/training/emoji-category-classifier/}.
 * Batches are class-balanced; half the pictures, chosen from the seed, are mirrored left to right.
 */
public final class TrainClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrainClassifier.class);
    private static final int LOG_EVERY = 250;
    private static final long FLIP_STREAM = 0x666C6970L;

    private TrainClassifier() {}

    /** {@code --data=build/emoji-data --out=build/training/emoji-category-classifier --steps=3000 --batch-size=64 --seed=N}. */
    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path dataDir = Path.of(arguments.get("data", "build/emoji-data"));
        Path out = Path.of(arguments.get("out", "build/training/emoji-category-classifier"));
        int steps = Integer.parseInt(arguments.get("steps", "3000"));
        int batchSize = Integer.parseInt(arguments.get("batch-size", "64"));
        long seed = Long.parseLong(arguments.get("seed", "20261123"));
        LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(dataDir), dataDir);
        HeldOutSplit split = HeldOutSplit.of(data, seed);
        LOG.info("{} labelled pictures in {} categories: {} to learn from, {} held out; {} steps of {}, seed {}",
                split.trainingCount() + split.heldOutCount(), data.classes(), split.trainingCount(),
                split.heldOutCount(), steps, batchSize, seed);
        var schedule = new BalancedSchedule(seed, split.training(), batchSize);
        float[] pixels = new float[batchSize * EmojiDataset.IMAGE_FLOATS];
        long start = System.nanoTime();
        try (var classifier = CategoryClassifier.untrained(data.labels(), seed)) {
            double sumLoss = 0;
            for (int step = 0; step < steps; step++) {
                BalancedSchedule.Batch batch = schedule.batch(step);
                data.images().copyBatch(batch.imageIndices(), pixels);
                mirrorSome(pixels, batchSize, new SplittableRandom((seed ^ FLIP_STREAM) * 31 + step));
                sumLoss += classifier.trainStep(pixels, batch.labels());
                if ((step + 1) % LOG_EVERY == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    LOG.info(String.format(Locale.ROOT, "step %d/%d  loss %.4f  %.0f images/s",
                            step + 1, steps, sumLoss / LOG_EVERY, (step + 1) * (double) batchSize / seconds));
                    sumLoss = 0;
                }
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            CategoryAgreement heldOut = ClassifierCheck.heldOut(classifier, data, split);
            String command = "./mvnw -B -pl tools/model-training exec:exec@train-classifier -DclassifierSteps=%d -Dseed=%d"
                    .formatted(steps, seed);
            classifier.save(out, new CategoryClassifier.Description(data.labels(), seed, steps, batchSize,
                    heldOut.overall(), heldOut.meanShare(), split.trainingCount(), split.heldOutCount(), command));
            System.out.printf(Locale.ROOT, "%nEmoji-category classifier, trained %.1f min on %d real pictures; held-out %d pictures"
                    + " (20%% of base emoji per category, seed %d):%n%s%nHeld-out accuracy %.1f%% (balanced %.1f%%). Saved to %s%n",
                    minutes, split.trainingCount(), split.heldOutCount(), seed, heldOut.table(),
                    100 * heldOut.overall(), 100 * heldOut.meanShare(), out);
        }
    }

    /** Mirrors about half of the {@code count} channel-first pictures in place, left to right. */
    static void mirrorSome(float[] pixels, int count, SplittableRandom random) {
        int size = EmojiDataset.SIZE;
        for (int n = 0; n < count; n++) {
            if (!random.nextBoolean()) {
                continue;
            }
            for (int row = 0; row < EmojiDataset.IMAGE_FLOATS / size; row++) {
                int base = n * EmojiDataset.IMAGE_FLOATS + row * size;
                for (int x = 0; x < size / 2; x++) {
                    float swap = pixels[base + x];
                    pixels[base + x] = pixels[base + size - 1 - x];
                    pixels[base + size - 1 - x] = swap;
                }
            }
        }
    }
}
