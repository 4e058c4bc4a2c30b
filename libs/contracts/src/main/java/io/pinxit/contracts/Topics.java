package io.pinxit.contracts;

/** Names of the Kafka topics the suite exchanges messages on; every record is keyed by its job id. */
public final class Topics {

    public static final String GENERATION_COMMANDS = "pinxit.generation.commands";
    public static final String GENERATION_COMMANDS_DEAD_LETTER = "pinxit.generation.commands.dlq";
    public static final String STYLE_COMMANDS = "pinxit.style.commands";
    public static final String STYLE_COMMANDS_DEAD_LETTER = "pinxit.style.commands.dlq";
    public static final String STYLE_TRAINING_COMMANDS = "pinxit.style-training.commands";
    public static final String STYLE_TRAINING_COMMANDS_DEAD_LETTER = "pinxit.style-training.commands.dlq";
    public static final String UPSCALE_COMMANDS = "pinxit.upscale.commands";
    public static final String UPSCALE_COMMANDS_DEAD_LETTER = "pinxit.upscale.commands.dlq";
    public static final String INTERPOLATION_COMMANDS = "pinxit.interpolation.commands";
    public static final String INTERPOLATION_COMMANDS_DEAD_LETTER = "pinxit.interpolation.commands.dlq";
    public static final String JOB_EVENTS = "pinxit.job.events";
    /** Keyed by worker id: each worker announces the models it serves, so the gateway validates against them. */
    public static final String WORKER_MODELS = "pinxit.worker.models";

    private Topics() {
    }
}
