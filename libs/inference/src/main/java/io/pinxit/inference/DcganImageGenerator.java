package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import io.pinxit.inference.gan.ConditionalGanTranslator;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LabelledLatentBatch;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A loaded DCGAN, unconditional or class-conditional (its card lists labels). A seed gives the same latent vectors
 * whatever the label, so one seed drawn as two labels shows the same "pose" in two categories. Each call gets its
 * own predictor, so calls may run concurrently.
 */
final class DcganImageGenerator implements ImageGenerator {

    private final ModelCard card;
    private final Model model;
    private final LatentSampler sampler;

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
        return generate(seed, count, null);
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count, String label) {
        boolean conditional = !card.labels().isEmpty();
        int labelIndex = label == null ? -1 : card.labels().indexOf(label);
        if (conditional ? labelIndex < 0 : label != null) {
            throw new UnknownLabelException(card.id(), label, card.labels());
        }
        GeneratedImage.requireCount(count);
        var latents = new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
        return GeneratedImage.encoded(conditional
                ? predict(new ConditionalGanTranslator(),
                        new LabelledLatentBatch(latents, labelIndex, card.labels().size()))
                : predict(new GanTranslator(), latents));
    }

    private <I> List<BufferedImage> predict(Translator<I, List<BufferedImage>> translator, I input) {
        try (Predictor<I, List<BufferedImage>> predictor = model.newPredictor(translator)) {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new IllegalStateException("Model '%s' failed to generate".formatted(card.id()), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
