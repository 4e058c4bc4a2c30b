package io.pinxit.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a shipped model is, where its weights and training data came from, and what it is for. Read
 * from {@code card.json}; the weights hash is what {@link ModelLoader} checks before loading.
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
        List<DataSource> dataSources,
        Training training,
        String intendedUse,
        String limitations) {

    public ModelCard {
        dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
    }

    /** One package of training data and the terms under which its images were used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSource(
            String name,
            String packageName,
            String version,
            String licence,
            String attribution,
            String description) {}

    /** How the weights were produced, so that a run can be repeated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(
            String command,
            long seed,
            int steps,
            int batchSize,
            String optimizer,
            double durationMinutes,
            String machine) {}

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
                dataSources,
                newTraining,
                intendedUse,
                limitations);
    }
}
