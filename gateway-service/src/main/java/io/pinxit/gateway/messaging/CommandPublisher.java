package io.pinxit.gateway.messaging;

import io.pinxit.contracts.Topics;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.service.CommandOutbox.PendingCommand;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts commands, as the JSON their jobs were accepted with, on the topic of their job's kind, keyed by job id (so
 * that a job's commands keep their order), and returns only once Kafka has acknowledged all of them.
 */
@ApplicationScoped
public class CommandPublisher {

    private final MutinyEmitter<String> commands;
    private final GatewayConfig config;

    CommandPublisher(@Channel("commands") MutinyEmitter<String> commands, GatewayConfig config) {
        this.commands = commands;
        this.config = config;
    }

    public void publishAll(List<PendingCommand> pending) {
        List<Uni<Void>> sent = pending.stream().map(command -> commands.sendMessage(message(command))).toList();
        Uni.join().all(sent).andFailFast().await().atMost(config.outbox().publishTimeout());
    }

    private static Message<String> message(PendingCommand command) {
        return Message.of(command.command()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.commandsOf(command.kind())).withKey(command.jobId().toString()).build());
    }
}
