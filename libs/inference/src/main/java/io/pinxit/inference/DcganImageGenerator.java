package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.util.List;

/** A loaded DCGAN; each call gets its own predictor, so calls may run concurrently. */
final class DcganImageGenerator implements ImageGenerator {

    private final ModelCard card;
    private final Model model;
    private final LatentSampler sampler;
    private final GanTranslator translator = new GanTranslator();

    DcganImageGenerator(ModelCard card, Model model) {
        this.card = card;
        this.model = model;
        this.sampler = new LatentSampler(card.latentSize());
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count) {
        GeneratedImage.requireCount(count);
        var latents = new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
        List<BufferedImage> images;
        try (Predictor<LatentBatch, List<BufferedImage>> predictor = model.newPredictor(translator)) {
            images = predictor.predict(latents);
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
