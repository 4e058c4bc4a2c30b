package io.pinxit.training;

import ai.djl.nn.Block;
import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.inference.gan.ConditionalDcgan32;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Conditioning on a few words: each example is described by a random share of its image's words (each kept with
 * probability {@link #KEEP}, at least one), so that the generator learns short prompts such as "cat" as well as
 * whole names, the way people write them. Which words are kept depends only on the seed and the step, so a resumed
 * run sees what an uninterrupted one would have.
 */
final class PromptConditions implements Conditions {

    static final double KEEP = 0.35;
    private static final long WORDS_STREAM = 0x776F726473L;

    private final EmojiWords words;
    private final PromptVocabulary vocabulary;
    private final long seed;
    private final List<String> previewPrompts;

    PromptConditions(EmojiWords words, PromptVocabulary vocabulary, long seed, List<String> previewPrompts) {
        this.words = words;
        this.vocabulary = vocabulary;
        this.seed = seed;
        this.previewPrompts = List.copyOf(previewPrompts);
        previewPrompts.forEach(vocabulary::encode);
    }

    @Override
    public int size() {
        return vocabulary.size();
    }

    @Override
    public Block generator() {
        return ConditionalDcgan32.promptGenerator(TrainingOptions.LATENT_SIZE, TrainingOptions.BASE_WIDTH);
    }

    @Override
    public Block discriminator(int categories) {
        return ConditionalDcgan32.promptDiscriminator(TrainingOptions.BASE_WIDTH, categories);
    }

    @Override
    public float[] rows(BalancedSchedule.Batch batch, int step) {
        var random = new SplittableRandom((seed ^ WORDS_STREAM) * 31 + step);
        int[] images = batch.imageIndices();
        float[] rows = new float[images.length * size()];
        for (int i = 0; i < images.length; i++) {
            List<String> kept = new ArrayList<>();
            List<String> described = words.of(images[i]);
            for (String word : described) {
                if (random.nextDouble() < KEEP) {
                    kept.add(word);
                }
            }
            if (kept.isEmpty()) {
                kept.add(described.get(random.nextInt(described.size())));
            }
            System.arraycopy(vocabulary.rowOf(kept), 0, rows, i * size(), size());
        }
        return rows;
    }

    @Override
    public List<float[]> previews() {
        return previewPrompts.stream().map(vocabulary::encode).toList();
    }
}
