package io.pinxit.client.cli;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Re-run the job that made an artwork; its reproduction says whether the pixels are the same.")
final class ReproduceCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "ARTWORK", description = "The artwork to reproduce.")
    UUID artwork;

    @Option(names = {"-w", "--wait"}, description = "Follow the job until it ends; exit 1 unless it succeeds.")
    boolean await;

    @Override
    public Integer call() {
        var accepted = cli.client().reproduceArtwork(artwork);
        if (!await) {
            cli.print(accepted, JobLines::line);
            return ExitCodes.OK;
        }
        return JobFollower.follow(cli, accepted.value().id(), Optional.empty());
    }
}
