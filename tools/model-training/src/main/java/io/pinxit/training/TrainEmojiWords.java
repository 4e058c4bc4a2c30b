package io.pinxit.training;

import io.pinxit.contracts.prompt.PromptVocabulary;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the prompt-conditional emoji GAN and publishes its generator into {@code models/emoji-words/}. It learns
 * from the training side of the classifier's {@link HeldOutSplit} only (same seed), so that the held-out emoji and
 * their names measure it on pictures and names it never saw; its vocabulary is every word of the training side's
 * names and keywords (most common first), written into the card.
 */
public final class TrainEmojiWords {

    private static final Logger LOG = LoggerFactory.getLogger(TrainEmojiWords.class);
    static final List<String> PREVIEW_PROMPTS = List.of(
            "grinning face", "red heart", "cat", "burger", "car", "ball", "book", "star", "japan flag");
    private static final int PREVIEW_PER_PROMPT = 8;

    private TrainEmojiWords() {}

    public static void main(String[] args) throws Exception {
        DjlRuntime.configure();
        TrainingOptions options = TrainingOptions.parse(args);
        LabelledEmoji data = EmojiCategories.label(EmojiDataset.load(options.dataDir()), options.dataDir());
        HeldOutSplit split = HeldOutSplit.of(data, options.seed());
        EmojiWords words = EmojiWords.read(data, options.dataDir());
        var vocabulary = new PromptVocabulary(words.vocabularyOf(data, split.training()));
        var publisher = new ModelPublisher(options.modelDir());
        publisher.describeVocabulary(vocabulary.words());
        LOG.info("Learning from {} of {} emoji images ({} held out) in {} categories, {} words; {} steps of {},"
                        + " seed {} on {}", split.trainingCount(), data.images().size(), split.heldOutCount(),
                data.classes(), vocabulary.size(), options.steps(), options.batchSize(), options.seed(),
                DjlRuntime.platform());
        var checkpoints = new Checkpoints(options.checkpointDir());
        var conditions = new PromptConditions(words, vocabulary, options.seed(), PREVIEW_PROMPTS);
        try (var trainer = new CganTrainer(options, data, split.training(), conditions)) {
            Checkpoints.Progress progress = new TrainingLoop(options, checkpoints, PREVIEW_PER_PROMPT).run(trainer);
            ModelCard card = publisher.publish(trainer.generator(), TrainDcgan.training(options, progress,
                    "Adam lr %s beta1 %s; BCE with logits on a projection discriminator of the prompt's word embedding"
                            .formatted(TrainingOptions.LEARNING_RATE, TrainingOptions.BETA1)
                            + " plus softmax cross-entropy on its emoji-category logits (AC-GAN, real pictures only"
                            + " for the discriminator); each example described by a random share (%s) of its words"
                                    .formatted(PromptConditions.KEEP)));
            LOG.info("Published {} after {} steps: sha256 {}", card.id(), progress.step(), card.weightsSha256());
        }
    }
}
