package io.pinxit.client.cli;

import io.pinxit.client.Answer;
import io.pinxit.client.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a job over its event stream until it ends: each change is shown as it comes (a progress bar on stderr, or a
 * line of JSON with {@code --json}) and each preview is saved as a PNG, so a person can watch the picture form.
 */
final class JobFollower {

    private JobFollower() {
    }

    /**
     * Follows the job and answers the exit code of how it ended; a stream that closes early (a gateway restarting)
     * leaves the job as the gateway then shows it.
     */
    static int follow(PinxitCli cli, UUID jobId, Optional<Path> previews) {
        AtomicReference<Job> last = new AtomicReference<>();
        cli.client().followJob(jobId, answer -> {
            show(cli, answer);
            previews.ifPresent(folder -> save(folder, answer.value()));
            last.set(answer.value());
        });
        Job finished = last.get() != null && last.get().isFinished() ? last.get()
                : cli.client().getJob(jobId).value();
        if (!cli.json()) {
            cli.out().println(JobLines.detail(finished));
            cli.out().flush();
        }
        return finished.succeeded() ? ExitCodes.OK : ExitCodes.NOT_SO;
    }

    private static void show(PinxitCli cli, Answer<Job> answer) {
        if (cli.json()) {
            cli.out().println(answer.json());
            cli.out().flush();
        } else {
            cli.err().println(JobLines.progress(answer.value()));
            cli.err().flush();
        }
    }

    private static void save(Path folder, Job job) {
        if (job.progress() == null || job.progress().preview() == null) {
            return;
        }
        Path file = folder.resolve(job.id() + "-" + job.progress().iteration() + ".png");
        try {
            Files.createDirectories(folder);
            Files.write(file, Base64.getDecoder().decode(job.progress().preview()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save a preview to " + file, e);
        }
    }
}
