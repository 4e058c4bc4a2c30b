package io.pinxit.client.cli;

import io.pinxit.client.Review;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Administrators: the review queue of reported and appealed artworks, and decisions on them.",
        subcommands = {ReviewCommand.Queue.class, ReviewCommand.Decide.class})
final class ReviewCommand {

    @ParentCommand
    PinxitCli cli;

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = "Prints the artworks waiting for a reviewer, the longest waiting first, with their requests.")
    static final class Queue implements Callable<Integer> {

        @ParentCommand
        ReviewCommand review;

        @Override
        public Integer call() {
            review.cli.print(review.cli.client().listReviewQueue(), waiting -> waiting.isEmpty()
                    ? "Nothing is waiting."
                    : waiting.stream().map(Queue::text).collect(Collectors.joining(System.lineSeparator())));
            return ExitCodes.OK;
        }

        private static String text(Review.Waiting waiting) {
            Review.Artwork artwork = waiting.artwork();
            return artwork.id() + "  " + artwork.moderation().toLowerCase(Locale.ROOT) + "  " + artwork.model()
                    + " by " + artwork.author() + waiting.requests().stream()
                    .map(request -> System.lineSeparator() + "    " + ReportCommand.text(request))
                    .collect(Collectors.joining());
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Decides how the gallery treats an artwork and closes its open requests.",
                "deleted removes its picture from the store; its records stay."})
    static final class Decide implements Callable<Integer> {

        @ParentCommand
        ReviewCommand review;

        @Parameters(index = "0", paramLabel = "ARTWORK", description = "The artwork's id.")
        UUID artwork;

        @Parameters(index = "1", paramLabel = "DECISION", description = "shown, blurred, hidden or deleted.")
        String decision;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, kept with the decision.")
        String note;

        @Override
        public Integer call() {
            review.cli.print(review.cli.client().moderateArtwork(artwork, decision.toUpperCase(Locale.ROOT),
                    Optional.ofNullable(note)), decided -> "artwork " + decided.id() + " is now "
                    + decided.moderation().toLowerCase(Locale.ROOT));
            return ExitCodes.OK;
        }
    }
}
