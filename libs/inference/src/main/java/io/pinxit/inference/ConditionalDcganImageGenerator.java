package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.pinxit.inference.gan.ConditionalGanTranslator;
import io.pinxit.inference.gan.LabelledLatentBatch;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A loaded class-conditional DCGAN. A seed gives the same latent vectors whatever the label, so one seed
 * drawn as two labels shows the same "pose" in two categories. Each call gets its own predictor.
 */
final class ConditionalDcganImageGenerator implements ImageGenerator {

    private final ModelCard card;
    private final Model model;
    private final LatentSampler sampler;
    private final ConditionalGanTranslator translator = new ConditionalGanTranslator();

    ConditionalDcganImageGenerator(ModelCard card, Model model) {
        this.card = card;
        this.model = model;
        this.sampler = new LatentSampler(card.latentSize());
    }

    @Override
    public ModelCard card() {
        return card;
    }

    /** A conditional model needs a label: this refuses, naming them. */
    @Override
    public List<GeneratedImage> generate(long seed, int count) {
        throw new UnknownLabelException(card.id(), null, card.labels());
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count, String label) {
        int labelIndex = label == null ? -1 : card.labels().indexOf(label);
        if (labelIndex < 0) {
            throw new UnknownLabelException(card.id(), label, card.labels());
        }
        GeneratedImage.requireCount(count);
        var latents = new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
        List<BufferedImage> images;
        try (Predictor<LabelledLatentBatch, List<BufferedImage>> predictor = model.newPredictor(translator)) {
            images = predictor.predict(new LabelledLatentBatch(latents, labelIndex, card.labels().size()));
        } catch (TranslateException e) {
            throw new IllegalStateException("Model '%s' failed to generate".formatted(card.id()), e);
        }
        return GeneratedImage.encoded(images);
    }

    @Override
    public void close() {
        model.close();
    }
}
