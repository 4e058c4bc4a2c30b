package io.pinxit.client.cli;

import io.pinxit.client.Review;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Asks a reviewer to look at an artwork: a report, or, for my own artwork, an appeal against "
            + "it being blurred or hidden.", "Asking again while my request is open prints that one."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(index = "0", paramLabel = "ARTWORK", description = "The artwork's id.")
    UUID artwork;

    @Parameters(index = "1..*", paramLabel = "REASON", description = "What a reviewer should look at.")
    List<String> reason;

    @Override
    public Integer call() {
        cli.print(cli.client().requestReview(artwork, String.join(" ", reason)), ReportCommand::text);
        return ExitCodes.OK;
    }

    static String text(Review.Request request) {
        return "%s %s on artwork %s at %s: %s".formatted(request.kind().toLowerCase(Locale.ROOT),
                request.id(), request.artworkId(), request.requestedAt(), request.reason());
    }
}
