package io.pinxit.client.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a job live until it ends; exit 1 unless it succeeds.")
final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "JOB", description = "The job's id.")
    UUID job;

    @Option(names = "--previews", paramLabel = "DIR", description = "Save each progress preview there as a PNG.")
    Path previews;

    @Override
    public Integer call() {
        return JobFollower.follow(cli, job, Optional.ofNullable(previews));
    }
}
