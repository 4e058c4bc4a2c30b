package io.pinxit.client.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a queued or running job; what it made before stays.")
final class CancelCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "JOB", description = "The job's id.")
    UUID job;

    @Override
    public Integer call() {
        cli.print(cli.client().cancelJob(job), JobLines::detail);
        return ExitCodes.OK;
    }
}
