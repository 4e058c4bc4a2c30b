package io.pinxit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.LocalInfrastructure;
import io.pinxit.infra.LoopbackPorts;
import io.pinxit.launcher.ServiceProcess;
import io.pinxit.launcher.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How soon a generation worker that has just been started, as KEDA starts one for a backlog, finishes its first job.
 * A one-picture {@code emoji-dcgan} job waits in the interactive topic; the worker's JVM is started; the benchmark
 * times process start → ready ({@code /q/health/ready}, which {@link ServiceProcess} polls every 25 ms) → the job's SUCCEEDED event, and quotes
 * the worker's own "started in" figure. Each start is a new JVM on the same infrastructure, {@code --starts} of them
 * with an empty DJL cache (a pod whose cache is an emptyDir unpacks libtorch again) and as many with the native
 * libraries already unpacked. A first start, not counted, migrates the catalog's schema (in a cluster a Job does that
 * once) and unpacks the libraries for the second set.
 */
public final class ColdStartBenchmark {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Authorship AUTHOR = new Authorship(UUID.randomUUID(), "bench", null, null, "CC0-1.0",
            Visibility.UNLISTED);

    private ColdStartBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        var options = Arguments.of(arguments);
        int starts = Integer.parseInt(options.getOrDefault("starts", "5"));
        Path work = WorkDirectory.fresh(Path.of(options.getOrDefault("work-dir", "bench/target/cold-start"))
                .toAbsolutePath());
        try (var infrastructure = LocalInfrastructure.startEphemeral(work.resolve("infrastructure"));
             var commands = producer(infrastructure);
             var events = consumer(infrastructure)) {
            System.out.printf("%d + %d cold starts of generation-service, one-picture emoji-dcgan job waiting, "
                    + "Java %s, %d cores%n", starts, starts, Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            Path unpacked = work.resolve("worker-unpacked");
            var first = coldStart(infrastructure, commands, events, unpacked);
            System.out.printf("first start (migrates the schema, unpacks the native libraries): %s%n", first);
            List<Start> emptyCache = new ArrayList<>();
            List<Start> warmCache = new ArrayList<>();
            for (int start = 0; start < starts; start++) {
                emptyCache.add(coldStart(infrastructure, commands, events, work.resolve("worker-empty-" + start)));
                System.out.printf("empty DJL cache, start %d: %s%n", start + 1, emptyCache.get(start));
            }
            for (int start = 0; start < starts; start++) {
                warmCache.add(coldStart(infrastructure, commands, events, unpacked));
                System.out.printf("native libraries unpacked, start %d: %s%n", start + 1, warmCache.get(start));
            }
            printSummary("empty DJL cache", emptyCache);
            printSummary("native libraries unpacked", warmCache);
        }
    }

    private static Start coldStart(LocalInfrastructure infrastructure, KafkaProducer<String, String> commands,
                                   KafkaConsumer<String, String> events, Path workerDirectory) throws Exception {
        var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 1, 7L, AUTHOR, Instant.now());
        commands.send(new ProducerRecord<>(Topics.GENERATION_INTERACTIVE_COMMANDS, command.jobId().toString(),
                JSON.writeValueAsString(command))).get(30, TimeUnit.SECONDS);
        Files.createDirectories(workerDirectory);
        var properties = new HashMap<>(infrastructure.connectionProperties());
        properties.put("quarkus.log.level", "INFO");
        long started = System.nanoTime();
        try (var worker = ServiceProcess.start(ServiceSpec.built(Path.of("").toAbsolutePath(), "generation-service",
                LoopbackPorts.pickFree(), properties, Map.of()), workerDirectory)) {
            worker.awaitReady(PATIENCE);
            long ready = System.nanoTime();
            awaitSucceeded(events, command.jobId());
            long done = System.nanoTime();
            return new Start(TimeUnit.NANOSECONDS.toMillis(ready - started),
                    TimeUnit.NANOSECONDS.toMillis(done - started), quarkusStartedIn(worker.logFile()));
        }
    }

    private static void awaitSucceeded(KafkaConsumer<String, String> events, UUID jobId) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : events.poll(Duration.ofMillis(20))) {
                JsonNode event = JSON.readTree(record.value());
                if (jobId.toString().equals(event.path("jobId").asText())) {
                    switch (event.path("state").asText()) {
                        case "SUCCEEDED" -> {
                            return;
                        }
                        case "FAILED" -> throw new IllegalStateException("The job failed: " + record.value());
                        default -> {
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("Job " + jobId + " did not succeed within " + PATIENCE);
    }

    private static String quarkusStartedIn(Path log) throws IOException {
        String text = Files.readString(log);
        Matcher matcher = STARTED_IN.matcher(text);
        String last = "?";
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private static void printSummary(String condition, List<Start> starts) {
        var ready = starts.stream().mapToLong(Start::readyMillis).sorted().toArray();
        var done = starts.stream().mapToLong(Start::firstJobMillis).sorted().toArray();
        System.out.printf("%s, %d starts: process start → ready median %,d ms (worst %,d); "
                        + "process start → first job SUCCEEDED median %,d ms (worst %,d)%n", condition, starts.size(),
                ready[ready.length / 2], ready[ready.length - 1], done[done.length / 2], done[done.length - 1]);
    }

    private static KafkaProducer<String, String> producer(LocalInfrastructure infrastructure) {
        var config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Reads job events from the moment it is made; the events of every start pass through it. */
    private static KafkaConsumer<String, String> consumer(LocalInfrastructure infrastructure) {
        var config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "cold-start-benchmark");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        var consumer = new KafkaConsumer<String, String>(config);
        consumer.subscribe(List.of(Topics.JOB_EVENTS));
        return consumer;
    }

    private record Start(long readyMillis, long firstJobMillis, String quarkusStartedIn) {

        @Override
        public String toString() {
            return "ready after %,d ms (Quarkus: started in %s s), first job done after %,d ms"
                    .formatted(readyMillis, quarkusStartedIn, firstJobMillis);
        }
    }
}
