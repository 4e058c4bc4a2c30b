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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

class LocalInfrastructureTest {

    @TempDir
    static Path dataDirectory;

    static LocalInfrastructure infrastructure;

    @BeforeAll
    static void startInfrastructure() {
        infrastructure = LocalInfrastructure.startEphemeral(dataDirectory);
    }

    @AfterAll
    static void stopInfrastructure() {
        infrastructure.close();
    }

    @Test
    void connectionPropertiesAreExactlyTheKeysTheServicesRead() {
        assertThat(infrastructure.connectionProperties()).containsOnlyKeys(
                "kafka.bootstrap.servers",
                "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username",
                "quarkus.datasource.password",
                "pinxit.storage.endpoint",
                "pinxit.storage.access-key",
                "pinxit.storage.secret-key");
        assertThat(infrastructure.connectionProperties().values()).allSatisfy(value -> assertThat(value).isNotBlank());
    }

    @Test
    void everyServerListensOnLoopbackOnly() {
        var properties = infrastructure.connectionProperties();
        assertThat(properties.get("kafka.bootstrap.servers")).startsWith("127.0.0.1:");
        assertThat(properties.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://127.0.0.1:");
        assertThat(properties.get("pinxit.storage.endpoint")).startsWith("http://127.0.0.1:");
    }

    @Test
    void kafkaDeliversAProducedRecordToAConsumerOfAnAutoCreatedTopic() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "artwork-1", "hello")).get(30, TimeUnit.SECONDS);
        }

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var values = new ArrayList<String>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("hello");
            assertThat(consumer.partitionsFor(topic)).hasSize(3);
        }
    }

    @Test
    void postgresAnswersQueriesInThePinxitDatabase() throws Exception {
        var properties = infrastructure.connectionProperties();
        try (var connection = DriverManager.getConnection(properties.get("quarkus.datasource.jdbc.url"),
                properties.get("quarkus.datasource.username"), properties.get("quarkus.datasource.password"));
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT current_database(), 40 + 2")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("pinxit");
            assertThat(rows.getInt(2)).isEqualTo(42);
        }
    }

    @Test
    void s3StoresAnObjectAndReturnsItsBytes() throws Exception {
        byte[] picture = "not really a png".getBytes(StandardCharsets.UTF_8);
        var properties = infrastructure.connectionProperties();
        try (var s3 = MinioClient.builder()
                .endpoint(properties.get("pinxit.storage.endpoint"))
                .credentials(properties.get("pinxit.storage.access-key"), properties.get("pinxit.storage.secret-key"))
                .region("us-east-1")
                .build()) {
            s3.makeBucket(MakeBucketArgs.builder().bucket("pictures").build());
            s3.putObject(PutObjectArgs.builder().bucket("pictures").object("a/b.png")
                    .stream(new ByteArrayInputStream(picture), picture.length, -1)
                    .contentType("image/png").build());

            assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket("pictures").build())).isTrue();
            try (var stored = s3.getObject(GetObjectArgs.builder().bucket("pictures").object("a/b.png").build())) {
                assertThat(stored.readAllBytes()).isEqualTo(picture);
            }
        }
    }
}
