package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A loaded DCGAN; each call gets its own predictor, so calls may run concurrently. */
final class DcganImageGenerator implements ImageGenerator {

    static final int MAX_COUNT = 256;

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
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and %d, was %d".formatted(MAX_COUNT, count));
        }
        var latents = new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
        List<BufferedImage> images;
        try (Predictor<LatentBatch, List<BufferedImage>> predictor = model.newPredictor(translator)) {
            images = predictor.predict(latents);
        } catch (TranslateException e) {
            throw new IllegalStateException("Model '%s' failed to generate".formatted(card.id()), e);
        }
        List<GeneratedImage> generated = new ArrayList<>(count);
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            generated.add(new GeneratedImage(i, PngEncoding.encode(image), image.getWidth(), image.getHeight()));
        }
        return generated;
    }

    @Override
    public void close() {
        model.close();
    }
}
