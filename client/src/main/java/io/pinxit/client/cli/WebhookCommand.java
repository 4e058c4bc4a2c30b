package io.pinxit.client.cli;

import io.pinxit.client.Webhook;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "My webhook: the secret that signs every call about my jobs, and where they go by default.",
        subcommands = {WebhookCommand.Set.class, WebhookCommand.Show.class, WebhookCommand.Remove.class})
final class WebhookCommand {

    @ParentCommand
    PinxitCli cli;

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Registers my webhook anew and prints its new signing secret, shown this once.",
                "Without URL there is no default: only jobs submitted with --webhook are called."})
    static final class Set implements Callable<Integer> {

        @ParentCommand
        WebhookCommand webhook;

        @Parameters(paramLabel = "URL", arity = "0..1",
                description = "Where every change of state of my jobs goes, unless a job names its own.")
        URI url;

        @Override
        public Integer call() {
            PinxitCli cli = webhook.cli;
            cli.print(cli.client().registerWebhook(Optional.ofNullable(url)),
                    registered -> text(registered) + System.lineSeparator() + "signing secret (shown once): "
                            + registered.secret());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints my webhook, without its secret.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        WebhookCommand webhook;

        @Override
        public Integer call() {
            webhook.cli.print(webhook.cli.client().getWebhook(), WebhookCommand::text);
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes my webhook and its secret; calls not made yet are given up.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        WebhookCommand webhook;

        @Override
        public Integer call() {
            webhook.cli.client().removeWebhook();
            return ExitCodes.OK;
        }
    }

    private static String text(Webhook webhook) {
        return "webhook since " + webhook.createdAt() + ": "
                + (webhook.url() == null ? "no default URL (only jobs that name one are called)" : webhook.url());
    }
}
