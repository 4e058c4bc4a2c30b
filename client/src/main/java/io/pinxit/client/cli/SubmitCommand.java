package io.pinxit.client.cli;

import io.pinxit.client.Answer;
import io.pinxit.client.Job;
import io.pinxit.client.PinxitClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pinxit submit KIND ...}: one subcommand per kind of job; each can wait for its job and save previews. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a job.",
        subcommands = {SubmitCommand.Generation.class, SubmitCommand.Variations.class, SubmitCommand.Upscale.class,
            SubmitCommand.Interpolation.class, SubmitCommand.StyleTransfer.class})
final class SubmitCommand {

    @ParentCommand
    PinxitCli cli;

    /**
     * One kind of job to submit: what every submission may say about its pictures, and whether to wait for it. A
     * subclass adds its own options to the request and names the kind's endpoint.
     */
    abstract static class Submission implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        SubmitCommand parent;

        @Option(names = "--title", paramLabel = "TEXT", description = "The pictures' title.")
        String title;

        @Option(names = "--description", paramLabel = "TEXT", description = "What they show.")
        String description;

        @Option(names = "--licence", paramLabel = "SPDX",
                description = "An SPDX licence id (default: all rights reserved).")
        String licence;

        @Option(names = "--visibility", paramLabel = "VISIBILITY",
                description = "PUBLIC (default), UNLISTED or PRIVATE.")
        String visibility;

        @Option(names = "--webhook", paramLabel = "URL", description = "Where to POST the job's changes of state "
                + "instead of my default webhook (needs my webhook's signing secret: ./pinxit webhook set).")
        String webhook;

        @Option(names = {"-w", "--wait"}, description = "Follow the job until it ends; exit 1 unless it succeeds.")
        boolean await;

        @Option(names = "--previews", paramLabel = "DIR",
                description = "With --wait: save each progress preview there as a PNG.")
        Path previews;

        /** Submits the request, which holds the options common to every kind, with this kind's own. */
        abstract Answer<Job> submit(PinxitClient client, Map<String, Object> request);

        /** Prints the accepted job, then follows it when asked to. */
        @Override
        public Integer call() {
            Map<String, Object> request = new LinkedHashMap<>();
            putIfSet(request, "title", title);
            putIfSet(request, "description", description);
            putIfSet(request, "licence", licence);
            putIfSet(request, "visibility", visibility);
            putIfSet(request, "webhook", webhook);
            PinxitCli cli = parent.cli;
            Answer<Job> accepted = submit(cli.client(), request);
            if (await) {
                if (!cli.json()) {
                    cli.err().println("Job " + accepted.value().id() + " accepted");
                }
                return JobFollower.follow(cli, accepted.value().id(), Optional.ofNullable(previews));
            }
            cli.print(accepted, JobLines::line);
            return ExitCodes.OK;
        }
    }

    /** The artwork id {@code given} names, or a usage error saying what else it could have been. */
    static UUID artworkId(CommandSpec spec, String given, String neither) {
        try {
            return UUID.fromString(given);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "'" + given + "' is neither " + neither
                    + " nor an artwork id");
        }
    }

    static void putIfSet(Map<String, Object> request, String field, Object value) {
        if (value != null) {
            request.put(field, value);
        }
    }

    @Command(name = "generation", mixinStandardHelpOptions = true,
            description = "Pictures from a model, reproducible from their seed.")
    static final class Generation extends Submission {

        @Parameters(paramLabel = "MODEL", description = "A served model (see: pinxit models).")
        String model;

        @Option(names = {"-n", "--count"}, defaultValue = "1", paramLabel = "N",
                description = "How many pictures (1-16).")
        int count;

        @Option(names = "--seed", paramLabel = "SEED",
                description = "The first picture's seed (default: drawn by the gateway).")
        Long seed;

        @Option(names = "--label", paramLabel = "LABEL", description = "The category, for a model that takes one.")
        String label;

        @Option(names = "--prompt", paramLabel = "WORDS",
                description = "A few words, for a model that draws from a prompt (e.g. \"smiling cat\").")
        String prompt;

        @Override
        Answer<Job> submit(PinxitClient client, Map<String, Object> request) {
            request.put("model", model);
            request.put("count", count);
            putIfSet(request, "seed", seed);
            putIfSet(request, "label", label);
            putIfSet(request, "prompt", prompt);
            return client.submit("generations", request);
        }
    }

    @Command(name = "variations", mixinStandardHelpOptions = true,
            description = "Pictures near one a VAE made, straying from it by a strength.")
    static final class Variations extends Submission {

        @Parameters(paramLabel = "ARTWORK", description = "The artwork to vary.")
        UUID artwork;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The VAE that made it.")
        String model;

        @Option(names = {"-n", "--count"}, defaultValue = "4", paramLabel = "N",
                description = "How many variations (1-16).")
        int count;

        @Option(names = "--strength", defaultValue = "0.3", paramLabel = "0-1", description = "How far to stray.")
        double strength;

        @Override
        Answer<Job> submit(PinxitClient client, Map<String, Object> request) {
            request.put("model", model);
            request.put("count", count);
            request.put("variationOf", artwork);
            request.put("strength", strength);
            return client.submit("generations", request);
        }
    }

    @Command(name = "upscale", mixinStandardHelpOptions = true, description = "An artwork enlarged.")
    static final class Upscale extends Submission {

        @Parameters(paramLabel = "ARTWORK", description = "The artwork to enlarge.")
        UUID artwork;

        @Option(names = "--factor", paramLabel = "2|4", defaultValue = "2", description = "2 or 4.")
        int factor;

        @Override
        Answer<Job> submit(PinxitClient client, Map<String, Object> request) {
            request.put("artworkId", artwork);
            request.put("factor", factor);
            return client.submit("upscales", request);
        }
    }

    @Command(name = "interpolation", mixinStandardHelpOptions = true,
            description = "Frames walking a VAE's latent space from one end to another, and their animation.")
    static final class Interpolation extends Submission {

        @Parameters(paramLabel = "MODEL", description = "A VAE.")
        String model;

        @Option(names = "--from", required = true, paramLabel = "SEED|ARTWORK", description = "The first end.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "SEED|ARTWORK", description = "The last end.")
        String to;

        @Option(names = "--label", paramLabel = "LABEL",
                description = "The category of seeded ends, for a model that takes one.")
        String label;

        @Option(names = "--frames", paramLabel = "N", description = "How many frames, both ends included (2-32).")
        Integer frames;

        @Override
        Answer<Job> submit(PinxitClient client, Map<String, Object> request) {
            request.put("model", model);
            request.put("from", end(from));
            request.put("to", end(to));
            putIfSet(request, "frames", frames);
            return client.submit("interpolations", request);
        }

        private Map<String, Object> end(String given) {
            Map<String, Object> end = new LinkedHashMap<>();
            if (given.matches("\\d+")) {
                end.put("seed", Long.parseLong(given));
                putIfSet(end, "label", label);
            } else {
                end.put("artworkId", artworkId(spec, given, "a seed"));
            }
            return end;
        }
    }

    @Command(name = "style-transfer", mixinStandardHelpOptions = true,
            description = "A content picture painted in the manner of a style picture.")
    static final class StyleTransfer extends Submission {

        @Parameters(index = "0", paramLabel = "CONTENT", description = "A picture file, or an artwork id.")
        String content;

        @Parameters(index = "1", arity = "0..1", paramLabel = "STYLE",
                description = "A picture file, or an artwork id (or give --style-id).")
        String style;

        @Option(names = "--style-id", paramLabel = "STYLE_ID", description = "A saved style of the library instead.")
        UUID savedStyle;

        @Option(names = "--size", paramLabel = "PIXELS", description = "The longer side of the result in pixels.")
        Integer size;

        @Option(names = "--strength", paramLabel = "0-1", description = "How much of the style.")
        Double strength;

        @Option(names = "--method", paramLabel = "METHOD", description = "auto (default), neural or fast.")
        String method;

        @Override
        Answer<Job> submit(PinxitClient client, Map<String, Object> request) {
            putIfSet(request, "size", size);
            putIfSet(request, "strength", strength);
            putIfSet(request, "method", method);
            Optional<Path> contentFile = file(content);
            if (contentFile.isEmpty()) {
                request.put("content", Map.of("artworkId", artworkId(spec, content, "a readable picture file")));
            }
            if ((style == null) == (savedStyle == null)) {
                throw new ParameterException(spec.commandLine(), "Give the style as STYLE or as --style-id, once");
            }
            Optional<Path> styleFile = Optional.ofNullable(style).flatMap(StyleTransfer::file);
            if (savedStyle != null) {
                request.put("style", Map.of("styleId", savedStyle));
            } else if (styleFile.isEmpty()) {
                request.put("style", Map.of("artworkId", artworkId(spec, style, "a readable picture file")));
            }
            return contentFile.isEmpty() && styleFile.isEmpty() ? client.submit("style-transfers", request)
                    : client.submitStyleTransfer(request, contentFile, styleFile);
        }

        private static Optional<Path> file(String given) {
            Path path = Path.of(given);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
    }
}
