package io.pinxit.training;

import java.nio.file.Path;

/**
 * What a training run is asked to do, parsed from {@code --name=value} arguments; {@code execution} is
 * the Maven execution that runs it ({@code train}, {@code train-cgan}), for the recorded command.
 */
record TrainingOptions(
        Path dataDir,
        Path modelDir,
        Path checkpointDir,
        int steps,
        int batchSize,
        long seed,
        int checkpointEvery,
        boolean resume,
        String execution) {

    static final int LATENT_SIZE = 64;
    static final int BASE_WIDTH = 32;
    static final float LEARNING_RATE = 2e-4f;
    static final float BETA1 = 0.5f;

    static TrainingOptions parse(String[] args) {
        ToolArguments arguments = ToolArguments.parse(args);
        return new TrainingOptions(
                Path.of(arguments.get("data", "build/emoji-data")),
                Path.of(arguments.get("model-dir", "models/emoji-dcgan")),
                Path.of(arguments.get("checkpoint-dir", "build/training/emoji-dcgan")),
                Integer.parseInt(arguments.get("steps", "18000")),
                Integer.parseInt(arguments.get("batch-size", "64")),
                Long.parseLong(arguments.get("seed", "20261123")),
                Integer.parseInt(arguments.get("checkpoint-every", "1000")),
                Boolean.parseBoolean(arguments.get("resume", "false")),
                arguments.get("execution", "train"));
    }

    /** The documented command that repeats this run from the repository root. */
    String command() {
        return "tools/fetch-emoji-data.sh && ./mvnw -B -q -pl tools/model-training -am install -DskipTests"
                + " && ./mvnw -B -pl tools/model-training exec:exec@%s -Dsteps=%d -DbatchSize=%d -Dseed=%d"
                        .formatted(execution, steps, batchSize, seed);
    }

    /** The same run stopped at {@code newSteps}, as recorded when an earlier checkpoint is published. */
    TrainingOptions withSteps(int newSteps) {
        return new TrainingOptions(dataDir, modelDir, checkpointDir, newSteps, batchSize, seed, checkpointEvery, resume, execution);
    }
}
