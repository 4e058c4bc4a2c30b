package io.pinxit.client.cli;

import io.pinxit.client.JobPage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List my jobs, newest first.")
final class JobsCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Option(names = "--state", description = "Only these states, comma-separated (queued,running,...).")
    String state;

    @Option(names = "--kind", description = "Only these kinds, comma-separated (generation,upscale,...).")
    String kind;

    @Option(names = "--model", description = "Only jobs of this model.")
    String model;

    @Option(names = "--limit", defaultValue = "20", description = "How many (1-100).")
    int limit;

    @Option(names = "--cursor", description = "The page after this cursor (a listing's next).")
    String cursor;

    @Override
    public Integer call() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("limit", String.valueOf(limit));
        putIfSet(filters, "state", state);
        putIfSet(filters, "kind", kind);
        putIfSet(filters, "model", model);
        putIfSet(filters, "cursor", cursor);
        cli.print(cli.client().listJobs(filters), JobsCommand::listing);
        return ExitCodes.OK;
    }

    private static String listing(JobPage page) {
        if (page.items().isEmpty()) {
            return "No jobs.";
        }
        String lines = page.items().stream().map(JobLines::line).collect(Collectors.joining(System.lineSeparator()));
        return page.next() == null ? lines : lines + System.lineSeparator() + "More: --cursor " + page.next();
    }

    private static void putIfSet(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }
}
