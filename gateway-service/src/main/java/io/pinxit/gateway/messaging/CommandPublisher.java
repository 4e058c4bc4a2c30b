package io.pinxit.gateway.messaging;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.gateway.config.GatewayConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts commands on their topics, keyed by job id, and returns only once Kafka has acknowledged them. */
@ApplicationScoped
public class CommandPublisher {

    private final MutinyEmitter<GenerationCommand> generationCommands;
    private final MutinyEmitter<UpscaleCommand> upscaleCommands;
    private final MutinyEmitter<InterpolationCommand> interpolationCommands;
    private final MutinyEmitter<StyleCommand> styleCommands;
    private final MutinyEmitter<StyleTrainingCommand> styleTrainingCommands;
    private final GatewayConfig config;

    CommandPublisher(@Channel("generation-commands") MutinyEmitter<GenerationCommand> generationCommands,
                     @Channel("upscale-commands") MutinyEmitter<UpscaleCommand> upscaleCommands,
                     @Channel("interpolation-commands") MutinyEmitter<InterpolationCommand> interpolationCommands,
                     @Channel("style-commands") MutinyEmitter<StyleCommand> styleCommands,
                     @Channel("style-training-commands") MutinyEmitter<StyleTrainingCommand> styleTrainingCommands,
                     GatewayConfig config) {
        this.generationCommands = generationCommands;
        this.upscaleCommands = upscaleCommands;
        this.interpolationCommands = interpolationCommands;
        this.styleCommands = styleCommands;
        this.styleTrainingCommands = styleTrainingCommands;
        this.config = config;
    }

    public void publish(GenerationCommand command) {
        send(generationCommands, command.jobId(), command);
    }

    public void publish(UpscaleCommand command) {
        send(upscaleCommands, command.jobId(), command);
    }

    public void publish(InterpolationCommand command) {
        send(interpolationCommands, command.jobId(), command);
    }

    public void publish(StyleCommand command) {
        send(styleCommands, command.jobId(), command);
    }

    public void publish(StyleTrainingCommand command) {
        send(styleTrainingCommands, command.jobId(), command);
    }

    private <T> void send(MutinyEmitter<T> emitter, UUID jobId, T command) {
        try {
            emitter.sendMessage(keyed(jobId, command)).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    private static <T> Message<T> keyed(UUID jobId, T payload) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(jobId.toString()).build());
    }
}
