package io.pinxit.client.cli;

import io.pinxit.client.Answer;
import io.pinxit.client.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "What the gallery can prove about a picture file; exit 1 unless it is trusted.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Parameters(paramLabel = "FILE", description = "The picture.")
    Path file;

    @Override
    public Integer call() throws IOException {
        Answer<Verification> report = cli.client().verifyPicture(Files.readAllBytes(file));
        cli.print(report, VerifyCommand::text);
        return report.value().trusted() ? ExitCodes.OK : ExitCodes.NOT_SO;
    }

    private static String text(Verification verification) {
        var text = new StringBuilder(verification.verdict()).append(": ").append(verification.summary());
        verification.knownArtworks().forEach(known -> text.append(System.lineSeparator()).append("  artwork ")
                .append(known.id()).append(" \"").append(known.title()).append("\" by ").append(known.author()));
        return text.toString();
    }
}
