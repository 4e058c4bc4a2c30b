package io.pinxit.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the {@code pinxit} script: {@code up} runs the suite, {@code status} reports on it. */
@Command(name = "pinxit", description = "Runs Pinxit on this machine.",
        subcommands = {UpCommand.class, StatusCommand.class, HelpCommand.class})
public final class PinxitMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    public static void main(String[] args) {
        LauncherLogging.installLogManager();
        System.exit(new CommandLine(new PinxitMain()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: up or status");
    }
}
