package io.pinxit.client.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a job: its state, failure and artworks.")
final class GetCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "JOB", description = "The job's id.")
    UUID job;

    @Override
    public Integer call() {
        cli.print(cli.client().getJob(job), JobLines::detail);
        return ExitCodes.OK;
    }
}
