package io.pinxit.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.JobCancellation;
import io.pinxit.contracts.Topics;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.service.CommandOutbox.PendingCommand;
import io.pinxit.telemetry.TraceParents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts commands, as the JSON their jobs were accepted with, on the topic of their job's kind and lane, and
 * cancellations on {@link Topics#JOB_CANCELLATIONS}, keyed by job id (so that a job's commands keep their order), and
 * returns only once Kafka has acknowledged all of them. Each record carries the trace of the request that queued it
 * (the connector writes it into the record's headers), so that the worker's work joins that request's trace.
 */
@ApplicationScoped
public class CommandPublisher {

    private final MutinyEmitter<String> commands;
    private final GatewayConfig config;
    private final ObjectMapper json;

    CommandPublisher(@Channel("commands") MutinyEmitter<String> commands, GatewayConfig config, ObjectMapper json) {
        this.commands = commands;
        this.config = config;
        this.json = json;
    }

    public void publishAll(List<PendingCommand> pending) {
        List<Uni<Void>> sent = pending.stream().map(command -> commands.sendMessage(message(command))).toList();
        Uni.join().all(sent).andFailFast().await().atMost(config.outbox().publishTimeout());
    }

    private Message<String> message(PendingCommand command) {
        String topic = command.cancels() ? Topics.JOB_CANCELLATIONS : Topics.commandsOf(command.kind(), command.lane());
        String payload = command.cancels() ? cancellation(command) : command.command();
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic).withKey(command.jobId().toString()).build())
                .addMetadata(TracingMetadata.withCurrent(TraceParents.context(command.traceParent())));
    }

    private String cancellation(PendingCommand command) {
        try {
            return json.writeValueAsString(JobCancellation.of(command.jobId(), command.kind(), command.changedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the cancellation of job " + command.jobId(), e);
        }
    }
}
