package io.pinxit.contracts;

/** Names of the Kafka topics the suite exchanges messages on; every record is keyed by its job id. */
public final class Topics {

    public static final String GENERATION_COMMANDS = "pinxit.generation.commands";
    /** Generation jobs of the interactive lane (see {@link JobLane}); they share the bulk lane's dead-letter topic. */
    public static final String GENERATION_INTERACTIVE_COMMANDS = "pinxit.generation.commands.interactive";
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
    public static final String JOB_EVENTS_DEAD_LETTER = "pinxit.job.events.dlq";
    /** Jobs their authors cancelled: every worker reads all of them, and drops or stops the work they name. */
    public static final String JOB_CANCELLATIONS = "pinxit.job.cancellations";
    /** Keyed by worker id: each worker announces the models it serves, so the gateway validates against them. */
    public static final String WORKER_MODELS = "pinxit.worker.models";

    private Topics() {
    }

    /** The topic of the commands that run jobs of a kind in a lane; only generation jobs have an interactive lane. */
    public static String commandsOf(JobKind kind, JobLane lane) {
        return kind == JobKind.GENERATION && lane == JobLane.INTERACTIVE ? GENERATION_INTERACTIVE_COMMANDS
                : commandsOf(kind);
    }

    /** The topic of the commands that run jobs of a kind (in the bulk lane). */
    public static String commandsOf(JobKind kind) {
        return switch (kind) {
            case GENERATION -> GENERATION_COMMANDS;
            case UPSCALE -> UPSCALE_COMMANDS;
            case INTERPOLATION -> INTERPOLATION_COMMANDS;
            case STYLE_TRANSFER -> STYLE_COMMANDS;
            case STYLE_TRAINING -> STYLE_TRAINING_COMMANDS;
        };
    }
}
