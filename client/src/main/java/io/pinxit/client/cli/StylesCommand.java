package io.pinxit.client.cli;

import io.pinxit.client.Style;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "styles", mixinStandardHelpOptions = true,
        description = "List the style library: each style's id, name, credit and whether it paints fast.")
final class StylesCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Override
    public Integer call() {
        cli.print(cli.client().listStyles(), StylesCommand::text);
        return ExitCodes.OK;
    }

    private static String text(Style.Page page) {
        return page.items().isEmpty() ? "No styles." : page.items().stream()
                .map(style -> "%s  %s — %s (%s)%s".formatted(style.id(), style.name(), style.credit().attribution(),
                        style.credit().licence(), style.fastStyle() == null ? "" : ", fast"))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
