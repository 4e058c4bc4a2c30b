package io.pinxit.client.cli;

import io.pinxit.client.PinxitClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Save the signed PNGs a job made (or one artwork's), each named by its artwork id.")
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "JOB|ARTWORK", description = "A job's id (all its artworks), or an artwork's.")
    UUID id;

    @Option(names = {"-o", "--to"}, defaultValue = ".", paramLabel = "DIR", description = "Where (default: here).")
    Path folder;

    @Option(names = "--artwork", description = "The id is an artwork's, not a job's.")
    boolean artwork;

    @Override
    public Integer call() throws IOException {
        PinxitClient client = cli.client();
        List<UUID> artworks = artwork ? List.of(id) : client.getJob(id).value().artworkIds();
        Files.createDirectories(folder);
        List<Path> saved = new ArrayList<>();
        for (UUID artworkId : artworks) {
            Path file = folder.resolve(artworkId + ".png");
            Files.write(file, client.getArtworkImage(artworkId));
            saved.add(file);
        }
        if (cli.json()) {
            cli.printJson(saved.stream().map(Path::toString).toList());
        } else {
            saved.forEach(file -> cli.out().println(file));
            if (saved.isEmpty()) {
                cli.out().println("The job has no artworks (yet).");
            }
        }
        cli.out().flush();
        return ExitCodes.OK;
    }
}
