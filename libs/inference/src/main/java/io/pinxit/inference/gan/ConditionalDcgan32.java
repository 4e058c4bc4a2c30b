package io.pinxit.inference.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The conditional variants of {@link Dcgan32}, defined once for the trainer and the loader. Both
 * networks take two inputs: the picture or latent vector, and a condition row. For a label model the row is
 * the label's one-hot row {@code (N, classes)}: the generator concatenates it to the latent vector (its first
 * linear layer thereby learns one embedding per label) and is otherwise {@link Dcgan32}'s generator. The
 * discriminator is a projection discriminator (Miyato &amp; Koyama 2018) with an auxiliary classifier
 * (AC-GAN): its output row is {@code [real-vs-fake logit, class logits…]}.
 *
 * <p>For a prompt model the row is a prompt's words, {@code (N, vocabulary)}, each word {@code 1/words}
 * ({@link io.pinxit.contracts.prompt.PromptVocabulary}). Both networks first embed it in
 * {@link #WORD_EMBEDDING} values, the mean of the words' learned embeddings, so that thousands of words do not
 * widen every later layer; the class logits still name the nine emoji categories the trainer knows.
 */
public final class ConditionalDcgan32 {

    /** How many values a prompt model embeds a prompt's words in. */
    public static final int WORD_EMBEDDING = 128;
    private static final float WEIGHT_STDDEV = 0.02f;

    private ConditionalDcgan32() {}

    /** (latent {@code (N, latentSize)}, one-hot {@code (N, classes)}) → image {@code (N, 3, 32, 32)} in [-1, 1]. */
    public static Block generator(int latentSize, int width) {
        SequentialBlock generator = new SequentialBlock()
                .add(new LambdaBlock(ConditionalDcgan32::concatenateLabel))
                .add(Dcgan32.generator(latentSize, width));
        generator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return generator;
    }

    /** (image {@code (N, 3, 32, 32)}, condition {@code (N, c)}) → {@code (N, 1 + classes)} logits. */
    public static Block discriminator(int width, int classes) {
        var discriminator = new ProjectionDiscriminator(width, classes);
        discriminator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return discriminator;
    }

    /** (latent, prompt words {@code (N, vocabulary)}) → image {@code (N, 3, 32, 32)} in [-1, 1]. */
    public static Block promptGenerator(int latentSize, int width) {
        SequentialBlock generator = new SequentialBlock()
                .add(new EmbeddedCondition())
                .add(generator(latentSize, width));
        generator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return generator;
    }

    /** (image, prompt words {@code (N, vocabulary)}) → {@code (N, 1 + classes)} logits. */
    public static Block promptDiscriminator(int width, int classes) {
        SequentialBlock discriminator = new SequentialBlock()
                .add(new EmbeddedCondition())
                .add(discriminator(width, classes));
        discriminator.setInitializer(new NormalInitializer(WEIGHT_STDDEV), Parameter.Type.WEIGHT);
        return discriminator;
    }

    /** The one-hot row of label number {@code label} of {@code classes}. */
    public static float[] oneHotRow(int label, int classes) {
        float[] row = new float[classes];
        row[label] = 1f;
        return row;
    }

    /** The one-hot rows of {@code labels}, as both networks take them. */
    public static NDArray oneHot(NDManager manager, int[] labels, int classes) {
        float[] rows = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            rows[i * classes + labels[i]] = 1f;
        }
        return manager.create(rows, labelShape(labels.length, classes));
    }

    public static Shape labelShape(int batchSize, int classes) {
        return new Shape(batchSize, classes);
    }

    private static NDList concatenateLabel(NDList inputs) {
        return new NDList(inputs.get(0).concat(inputs.get(1), 1));
    }

    /** (x, words) → (x, words · E): the mean of the prompt's word embeddings, passed on beside x. */
    private static final class EmbeddedCondition extends AbstractBlock {

        private static final byte VERSION = 1;
        private final Block embedding;

        EmbeddedCondition() {
            super(VERSION);
            embedding = addChildBlock("words", Linear.builder().setUnits(WORD_EMBEDDING).optBias(false).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray embedded = embedding.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
            return new NDList(inputs.get(0), embedded);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0], new Shape(inputShapes[1].get(0), WORD_EMBEDDING)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            embedding.initialize(manager, dataType, inputShapes[1]);
        }
    }

    /** Features φ(x) from strided convolutions; logit ψ(φ) + ⟨embed(y), φ⟩, and class logits W·φ. */
    private static final class ProjectionDiscriminator extends AbstractBlock {

        private static final byte VERSION = 1;
        private final Block features;
        private final Block unconditional;
        private final Block embedding;
        private final Block classifier;
        private final int classes;

        ProjectionDiscriminator(int width, int classes) {
            super(VERSION);
            this.classes = classes;
            features = addChildBlock("features", Dcgan32.discriminatorFeatures(width));
            unconditional = addChildBlock("unconditional", Linear.builder().setUnits(1).build());
            embedding = addChildBlock("embedding", Linear.builder()
                    .setUnits((long) 4 * width * 4 * 4).optBias(false).build());
            classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray phi = features.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
            NDArray labelEmbedding = embedding.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
            NDArray logit = unconditional.forward(store, new NDList(phi), training, params).singletonOrThrow()
                    .add(phi.mul(labelEmbedding).sum(new int[] {1}, true));
            NDArray classLogits = classifier.forward(store, new NDList(phi), training, params).singletonOrThrow();
            return new NDList(logit.concat(classLogits, 1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 1 + classes)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            features.initialize(manager, dataType, inputShapes[0]);
            Shape featureShape = features.getOutputShapes(new Shape[] {inputShapes[0]})[0];
            unconditional.initialize(manager, dataType, featureShape);
            classifier.initialize(manager, dataType, featureShape);
            embedding.initialize(manager, dataType, inputShapes[1]);
        }
    }
}
