package io.pinxit.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

class PersistentInfrastructureTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartOnOtherPortsFindsTheRecordsRowsAndObjectsOfTheFirstRun() throws Exception {
        var settings = new InfrastructureSettings(dataDirectory, true, InfrastructurePorts.ANY_FREE);
        try (var firstRun = LocalInfrastructure.start(settings)) {
            writeRecord(firstRun, "kept");
            execute(firstRun, "CREATE TABLE artwork (id text PRIMARY KEY)", "INSERT INTO artwork VALUES ('kept')");
            putObject(firstRun, "kept");
        }

        try (var secondRun = LocalInfrastructure.start(settings)) {
            assertThat(readRecords(secondRun)).containsExactly("kept");
            assertThat(queryIds(secondRun)).containsExactly("kept");
            assertThat(getObject(secondRun)).isEqualTo("kept");
        }
    }

    private static void writeRecord(LocalInfrastructure infrastructure, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("artworks", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readRecords(LocalInfrastructure infrastructure) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("artworks"));
            var values = new ArrayList<String>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            return values;
        }
    }

    private static void execute(LocalInfrastructure infrastructure, String... statements) throws Exception {
        try (var connection = connect(infrastructure); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> queryIds(LocalInfrastructure infrastructure) throws Exception {
        try (var connection = connect(infrastructure);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id FROM artwork")) {
            var ids = new ArrayList<String>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static java.sql.Connection connect(LocalInfrastructure infrastructure) throws Exception {
        var postgres = infrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static void putObject(LocalInfrastructure infrastructure, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (var s3 = s3Client(infrastructure)) {
            s3.makeBucket(MakeBucketArgs.builder().bucket("pictures").build());
            s3.putObject(PutObjectArgs.builder().bucket("pictures").object("kept.txt")
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
        }
    }

    private static String getObject(LocalInfrastructure infrastructure) throws Exception {
        try (var s3 = s3Client(infrastructure);
             var stored = s3.getObject(GetObjectArgs.builder().bucket("pictures").object("kept.txt").build())) {
            return new String(stored.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MinioClient s3Client(LocalInfrastructure infrastructure) {
        var s3 = infrastructure.s3();
        return MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .region("us-east-1")
                .build();
    }
}
