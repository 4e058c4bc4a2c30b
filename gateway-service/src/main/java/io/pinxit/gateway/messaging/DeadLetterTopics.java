package io.pinxit.gateway.messaging;

import io.pinxit.contracts.Topics;
import io.pinxit.gateway.service.DeadLetter;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the suite's dead-letter topics from the start, without a consumer group (nothing is committed, every
 * reader sees everything): what operators list before they replay.
 */
@ApplicationScoped
public class DeadLetterTopics {

    /** Every dead-letter topic of the suite: the workers' command channels and the gateway's job events. */
    public static final Set<String> TOPICS = Set.of(Topics.GENERATION_COMMANDS_DEAD_LETTER,
            Topics.UPSCALE_COMMANDS_DEAD_LETTER, Topics.INTERPOLATION_COMMANDS_DEAD_LETTER,
            Topics.STYLE_COMMANDS_DEAD_LETTER, Topics.STYLE_TRAINING_COMMANDS_DEAD_LETTER,
            Topics.JOB_EVENTS_DEAD_LETTER);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;

    /** {@code kafka}: the suite's Kafka client settings (kafka.*), so that the reader signs in like every channel. */
    DeadLetterTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The dead letters of {@code topic}, oldest first, at most {@code limit}. */
    public List<DeadLetter> read(String topic, int limit) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (letters.size() < limit && !readToEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit) {
                        letters.add(deadLetter(record));
                    }
                }
            }
            return letters;
        }
    }

    /** One dead letter, if the topic holds it. */
    public Optional<DeadLetter> find(String topic, int partition, long offset) {
        try (var consumer = consumer()) {
            var topicPartition = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, READ_TIMEOUT).stream().noneMatch(p -> p.partition() == partition)
                    || consumer.endOffsets(List.of(topicPartition), READ_TIMEOUT).get(topicPartition) <= offset) {
                return Optional.empty();
            }
            consumer.assign(List.of(topicPartition));
            consumer.seek(topicPartition, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record.offset() == offset ? Optional.of(deadLetter(record)) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /** A reader in no group, that commits nothing and never creates a topic by asking for it. */
    private KafkaConsumer<String, byte[]> consumer() {
        var settings = new HashMap<String, Object>();
        kafka.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static boolean readToEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, "dead-letter-topic"), header(record, "dead-letter-reason"),
                header(record, "dead-letter-exception-class-name"), Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
