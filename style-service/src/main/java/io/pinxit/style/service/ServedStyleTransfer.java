package io.pinxit.style.service;

import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.features.ImageEmbedder;
import io.pinxit.inference.style.FastStyleSchedule;
import io.pinxit.inference.style.FastStyleTraining;
import io.pinxit.inference.style.NeuralStyle;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.inference.style.TrainedFastStyle;
import io.pinxit.inference.style.TrainingPhotos;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The neural style transfer and the fast style training this worker runs: both see pictures through the shipped
 * MobileNet-v2's features, whose network is loaded (and hash-checked) once at start-up and shared. Its model card is
 * what an optimised artwork's provenance names as its model.
 *
 * <p>Both optimise through DJL's gradient recording, which serves one caller at a time in the whole JVM (a second
 * {@code GradientCollector} throws), so they take turns: a transfer holds the turn from start to end, a training step
 * by step. A transfer then waits for one training step at most, and a training pauses while transfers run.
 */
@Startup
@Singleton
public class ServedStyleTransfer {

    private final ModelCard featureModel;
    private final NeuralStyle neuralStyle;
    private final FastStyleTraining training;
    private final ReentrantLock gradients = new ReentrantLock(true);

    ServedStyleTransfer() {
        var catalog = ModelCatalog.fromClasspath();
        featureModel = catalog.find(NeuralStyle.FEATURE_MODEL).orElseThrow(() -> new IllegalStateException(
                "The feature network " + NeuralStyle.FEATURE_MODEL + " of neural style transfer is not shipped"));
        ImageEmbedder featureNetwork = new ModelLoader(catalog).loadEmbedder(featureModel);
        neuralStyle = new NeuralStyle(featureNetwork);
        training = new FastStyleTraining(featureNetwork);
    }

    ModelCard featureModel() {
        return featureModel;
    }

    /** See {@link NeuralStyle#transfer}. */
    BufferedImage transfer(BufferedImage content, BufferedImage style, StyleOptions options, StyleProgress progress) {
        gradients.lock();
        try {
            return neuralStyle.transfer(content, style, options, progress);
        } finally {
            gradients.unlock();
        }
    }

    /** See {@link FastStyleTraining#train}. */
    TrainedFastStyle train(BufferedImage style, TrainingPhotos photos, FastStyleSchedule schedule,
                           StyleProgress progress) {
        gradients.lock();
        try {
            return training.train(style, photos, schedule, new TurnBetweenSteps(progress));
        } finally {
            gradients.unlock();
        }
    }

    /** Each closes the network they share; closing it twice is harmless. */
    @PreDestroy
    void close() {
        training.close();
        neuralStyle.close();
    }

    /** Hears a training's steps, and gives the turn at the gradients to whoever waits for it after each one. */
    private final class TurnBetweenSteps implements StyleProgress {

        private final StyleProgress progress;

        TurnBetweenSteps(StyleProgress progress) {
            this.progress = progress;
        }

        @Override
        public void iterated(int iteration, int total) {
            gradients.unlock();
            try {
                progress.iterated(iteration, total);
            } finally {
                gradients.lock();
            }
        }

        @Override
        public void previewed(BufferedImage preview, int iteration, int total) {
            progress.previewed(preview, iteration, total);
        }
    }
}
