package io.pinxit.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a shipped model is, where its weights and training data came from, and what it is for. Read
 * from {@code card.json}. {@code weightsFile} is the file the loader opens (a TF.js model's
 * {@code model.json}); {@code weightShards} are the further files it refers to. {@link ModelLoader} checks
 * every one of them against its sha256 here before loading. A conditional generator lists the
 * {@code labels} it can be asked for, in the order its network numbers them (a feature extractor that is also a
 * classifier lists its classes so, the outputs of its {@code classLayer}); a prompt generator lists the
 * {@code vocabulary} its prompts may use, likewise in its network's order. A generator exported from
 * another framework ({@code torchscript}, {@code onnx}) states the {@code outputRange} of its pixel values;
 * without one, [-1, 1] (tanh) is meant. A fast style names the {@code style} picture it paints like.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(
        String id,
        String version,
        String family,
        String format,
        String architecture,
        int latentSize,
        int baseWidth,
        int imageWidth,
        int imageHeight,
        String weightsFile,
        String weightsSha256,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WeightShard> weightShards,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int scale,
        @JsonInclude(JsonInclude.Include.NON_NULL) String featureLayer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String classLayer,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> labels,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> vocabulary,
        @JsonInclude(JsonInclude.Include.NON_NULL) ValueRange outputRange,
        @JsonInclude(JsonInclude.Include.NON_NULL) PaintedStyle style,
        List<DataSource> dataSources,
        Training training,
        String intendedUse,
        String limitations) {

    public static final String GAN_FAMILY = "gan";
    public static final String VAE_FAMILY = "vae";
    public static final String UPSCALER_FAMILY = "upscaler";
    public static final String FEATURE_EXTRACTOR_FAMILY = "feature-extractor";
    public static final String FAST_STYLE_FAMILY = "fast-style";

    public ModelCard {
        weightShards = weightShards == null ? List.of() : List.copyOf(weightShards);
        labels = labels == null ? List.of() : List.copyOf(labels);
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
    }

    /**
     * Whether this model turns seeds into pictures (a GAN or a VAE), as opposed to transforming or describing
     * them.
     */
    @JsonIgnore
    public boolean isGenerator() {
        return GAN_FAMILY.equals(family) || VAE_FAMILY.equals(family);
    }

    /** The range of a generator's output values, mapped linearly onto 0..255 per channel. */
    public record ValueRange(double min, double max) {

        /** What a tanh output layer gives, and what a card without a range means. */
        public static final ValueRange TANH = new ValueRange(-1, 1);
    }

    /** The output range the card states, or [-1, 1] when it states none. */
    public ValueRange outputRangeOrTanh() {
        return outputRange == null ? ValueRange.TANH : outputRange;
    }

    /**
     * The picture a fast style network was trained to paint like, shipped beside its weights as {@code file}, and
     * the credit every picture made with it owes (who made the source artwork, where it comes from, its licence).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaintedStyle(String name, String file, String sha256, String attribution, String source,
                               String licence) {}

    /** A further file of weights, named by the model's main file and vouched for by its own hash. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeightShard(String file, String sha256) {}

    /** One package of training data and the terms under which its images were used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSource(
            String name,
            String packageName,
            String version,
            String licence,
            String attribution,
            String description) {}

    /**
     * How the weights were produced, so that a run can be repeated. A model trained elsewhere is described
     * by one sentence instead (e.g. {@code "training" : "pretrained by the package authors"}), kept as its
     * command. A fast style also states the side of its square training crops and its loss terms at the end.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(
            String command,
            long seed,
            int steps,
            int batchSize,
            String optimizer,
            double durationMinutes,
            String machine,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int cropSize,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double styleLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double contentLoss) {

        // Explicit, because Jackson stops using a record's implicit constructor once another creator is annotated.
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Training {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Training describedAs(String description) {
            return new Training(description, 0, 0, 0, null, 0, null, 0, null, null);
        }
    }

    /** Returns this card describing other weights produced by another training run. */
    public ModelCard withWeights(String newWeightsFile, String newWeightsSha256, Training newTraining) {
        return new ModelCard(
                id,
                version,
                family,
                format,
                architecture,
                latentSize,
                baseWidth,
                imageWidth,
                imageHeight,
                newWeightsFile,
                newWeightsSha256,
                weightShards,
                scale,
                featureLayer,
                classLayer,
                labels,
                vocabulary,
                outputRange,
                style,
                dataSources,
                newTraining,
                intendedUse,
                limitations);
    }

    /** Returns this card listing {@code newVocabulary} as the words its prompts may use. */
    public ModelCard withVocabulary(List<String> newVocabulary) {
        return new ModelCard(
                id,
                version,
                family,
                format,
                architecture,
                latentSize,
                baseWidth,
                imageWidth,
                imageHeight,
                weightsFile,
                weightsSha256,
                weightShards,
                scale,
                featureLayer,
                classLayer,
                labels,
                newVocabulary,
                outputRange,
                style,
                dataSources,
                training,
                intendedUse,
                limitations);
    }
}
