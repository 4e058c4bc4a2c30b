package io.pinxit.client.cli;

import io.pinxit.client.trace.JobTrace;
import io.pinxit.client.trace.TraceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Where a job's time went: its trace, from the request through the worker's stages to the "
                + "gateway applying its outcome, read from the trace files of the suite on this machine.",
            "Services write spans a few seconds after the work; exit 1 if none of the job's are there yet."})
final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "JOB", description = "The job's id.")
    UUID job;

    @Option(names = "--traces", paramLabel = "DIR",
            description = "The trace files (default: the traces folder of PINXIT_DATA_DIR, else of ./data).")
    Path traces;

    @Override
    public Integer call() throws IOException {
        Path folder = traces != null ? traces : cli.dataDirectory().resolve("traces");
        JobTrace trace = JobTrace.of(job, TraceFiles.read(folder));
        if (trace.isEmpty()) {
            cli.err().println("pinxit: no spans of job " + job + " in " + folder);
            return ExitCodes.NOT_SO;
        }
        if (cli.json()) {
            cli.printJson(trace);
        } else {
            trace.lines().forEach(cli.out()::println);
            cli.out().flush();
        }
        return ExitCodes.OK;
    }
}
