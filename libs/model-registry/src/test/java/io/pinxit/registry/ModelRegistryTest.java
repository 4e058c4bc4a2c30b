package io.pinxit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.infra.PostgresServer;
import io.pinxit.infra.S3Server;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.ModelShapeMismatchException;
import io.pinxit.inference.WeightHashMismatchException;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The registry on a real PostgreSQL (its own Flyway migrations) and a real S3 bucket. */
class ModelRegistryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path directory;

    private static PostgresServer postgres;
    private static S3Server s3;
    private static ObjectStore bucket;
    private static ModelRegistry registry;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(directory.resolve("postgres"), 0, false);
        s3 = S3Server.start(directory.resolve("s3"), 0, false);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        RegistrySchema.migrate(dataSource);
        bucket = new ObjectStore(new ObjectStoreSettings(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                "pinxit-models"));
        bucket.ensureBucket();
        registry = new ModelRegistry(dataSource, bucket, List.of("emoji-dcgan"), Clock.fixed(NOW, ZoneOffset.UTC),
                directory.resolve("scratch"));
    }

    @AfterAll
    static void stop() {
        registry.close();
        s3.close();
        postgres.close();
    }

    @Test
    void aRegisteredModelIsFoundAndListedWithItsCardAndContentAddressedWeights() throws IOException {
        ModelCard card = fixture("tiny-onnx");

        RegisteredModel registered = registry.register(card, weightsOf(card), "ada");

        assertThat(registered.weightsKey()).isEqualTo(
                "sha256/" + card.weightsSha256().substring(0, 2) + "/" + card.weightsSha256() + ".onnx");
        assertThat(registry.find("tiny-onnx")).contains(registered);
        assertThat(registry.find("tiny-onnx").orElseThrow().card()).isEqualTo(card);
        assertThat(registry.list()).extracting(RegisteredModel::id).contains("tiny-onnx");
        assertThat(registered.registeredAt()).isEqualTo(NOW);
        assertThat(registry.weightsOf(registered)).isEqualTo(weightsOf(card));
    }

    @Test
    void aWorkerCopyOfARegisteredModelLoadsThroughTheModelLoader() throws IOException {
        ModelCard card = fixture("tiny-torchscript");
        RegisteredModel registered = registry.register(card, weightsOf(card), "ada");

        var copies = new LocalModelCopies(registry, directory.resolve("copies"));
        var catalog = copies.catalogOf(registered);

        try (ImageGenerator generator = new ModelLoader(catalog).load(catalog.find(card.id()).orElseThrow())) {
            assertThat(generator.generate(7, 2)).hasSize(2);
        }
        assertThat(copies.catalogOf(registered).cards()).containsExactly(card);
    }

    @Test
    void anIdTakenByAShippedOrRegisteredModelIsRefused() throws IOException {
        ModelCard card = fixture("tiny-torchscript");
        ModelCard shippedId = renamed(card, "emoji-dcgan");
        ModelCard taken = renamed(card, "tiny-torchscript-taken");
        registry.register(taken, weightsOf(card), "ada");

        assertThatThrownBy(() -> registry.register(shippedId, weightsOf(card), "ada"))
                .isInstanceOfSatisfying(ModelIdTakenException.class, e -> assertThat(e.shipped()).isTrue());
        assertThatThrownBy(() -> registry.register(taken, weightsOf(card), "bob"))
                .isInstanceOfSatisfying(ModelIdTakenException.class, e -> assertThat(e.shipped()).isFalse());
        assertThat(registry.find(taken.id()).orElseThrow().registeredBy()).isEqualTo("ada");
    }

    @Test
    void weightsOtherThanTheCardsAreRefusedAndNothingIsRegistered() throws IOException {
        ModelCard card = fixture("tiny-onnx");
        ModelCard renamed = renamed(card, "tiny-onnx-two");
        byte[] other = weightsOf(fixture("tiny-torchscript"));

        assertThatThrownBy(() -> registry.register(renamed, other, "ada"))
                .isInstanceOf(WeightHashMismatchException.class)
                .hasMessageContaining(card.weightsSha256());
        assertThat(registry.find("tiny-onnx-two")).isEmpty();
    }

    @Test
    void aCardWhoseShapeIsNotTheNetworksIsRefused() throws IOException {
        ModelCard card = fixture("wrong-shape");

        assertThatThrownBy(() -> registry.register(card, weightsOf(card), "ada"))
                .isInstanceOf(ModelShapeMismatchException.class);
        assertThat(registry.find("wrong-shape")).isEmpty();
    }

    @Test
    void anIncompleteCardIsRefusedNamingEachField() throws IOException {
        ModelCard card = fixture("tiny-onnx");
        ModelCard incomplete = ModelRegistry.JSON.readValue("""
                {"id":"Bad Id","family":"upscaler","format":"tfjs-layers","latentSize":16,"imageWidth":8,
                 "imageHeight":8,"weightsFile":"w.onnx","weightsSha256":"%s","labels":["cats"],
                 "vocabulary":["cat"]}""".formatted(card.weightsSha256()),
                ModelCard.class);

        assertThatThrownBy(() -> registry.register(incomplete, weightsOf(card), "ada"))
                .isInstanceOfSatisfying(InvalidModelCardException.class, e -> assertThat(e.violations())
                        .extracting(InvalidModelCardException.Violation::field)
                        .contains("id", "version", "family", "format", "outputRange", "labels", "vocabulary",
                                "dataSources", "training", "intendedUse", "limitations"));
    }

    private static ModelCard fixture(String id) throws IOException {
        return ModelRegistry.JSON.readValue(resource(id + ".card.json"), ModelCard.class);
    }

    private static byte[] weightsOf(ModelCard card) throws IOException {
        return resource(card.weightsFile());
    }

    private static ModelCard renamed(ModelCard card, String id) throws IOException {
        return ModelRegistry.JSON.readValue(
                ModelRegistry.JSON.writeValueAsString(card).replace("\"" + card.id() + "\"", "\"" + id + "\""),
                ModelCard.class);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelRegistryTest.class.getResourceAsStream("/registry-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("No test resource registry-fixtures/" + name);
            }
            return in.readAllBytes();
        }
    }
}
