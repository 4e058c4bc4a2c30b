package io.pinxit.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import io.pinxit.contracts.prompt.InvalidPromptException;
import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.ConditionalGanTranslator;
import io.pinxit.inference.gan.ConditionedLatentBatch;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A loaded DCGAN: unconditional, class-conditional (its card lists labels) or prompt-conditional (its card lists a
 * vocabulary). A seed gives the same latent vectors whatever the label or prompt, so one seed drawn under two
 * conditions shows the same "pose" twice. Each call gets its own predictor, so calls may run concurrently.
 */
final class DcganImageGenerator implements ImageGenerator {

    private final ModelCard card;
    private final Model model;
    private final LatentSampler sampler;
    private final PromptVocabulary vocabulary;

    DcganImageGenerator(ModelCard card, Model model) {
        this.card = card;
        this.model = model;
        this.sampler = new LatentSampler(card.latentSize());
        this.vocabulary = card.vocabulary().isEmpty() ? null : new PromptVocabulary(card.vocabulary());
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
        if (vocabulary != null && label == null) {
            throw InvalidPromptException.neededBy(card.id());
        }
        boolean conditional = !card.labels().isEmpty();
        int labelIndex = label == null ? -1 : card.labels().indexOf(label);
        if (conditional ? labelIndex < 0 : label != null) {
            throw new UnknownLabelException(card.id(), label, card.labels());
        }
        GeneratedImage.requireCount(count);
        LatentBatch latents = latents(seed, count);
        return GeneratedImage.encoded(conditional
                ? predict(new ConditionalGanTranslator(), new ConditionedLatentBatch(
                        latents, ConditionalDcgan32.oneHotRow(labelIndex, card.labels().size())))
                : predict(new GanTranslator(), latents), model.getNDManager().getDevice());
    }

    @Override
    public List<GeneratedImage> generateFromPrompt(long seed, int count, String prompt) {
        if (vocabulary == null) {
            throw InvalidPromptException.notTakenBy(card.id());
        }
        float[] words = vocabulary.encode(prompt);
        GeneratedImage.requireCount(count);
        return GeneratedImage.encoded(predict(
                new ConditionalGanTranslator(), new ConditionedLatentBatch(latents(seed, count), words)),
                model.getNDManager().getDevice());
    }

    private LatentBatch latents(long seed, int count) {
        return new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
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
