package io.pinxit.client.cli;

import io.pinxit.client.ServedModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models running workers serve.")
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    PinxitCli cli;

    @Override
    public Integer call() {
        cli.print(cli.client().listModels(), ModelsCommand::text);
        return ExitCodes.OK;
    }

    private static String text(List<ServedModel> models) {
        return models.isEmpty() ? "No model is served: no worker runs." : models.stream()
                .map(model -> "%-22s %-8s %-17s %s".formatted(model.id(), model.version(), model.family(), model.asksFor()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
