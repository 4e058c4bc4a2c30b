package io.pinxit.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.WeightHashMismatchException;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models registered at run time: cards in {@code registry.registered_model}, weights content-addressed in the
 * models bucket. A model is registered only after its card is complete, its weights are the ones the card names,
 * and it loads through {@link ModelLoader} and gives one picture of the card's shape.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String COLUMNS = "card, weights_key, weights_size, registered_at, registered_by";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ObjectStore models;
    private final Set<String> shippedIds;
    private final Clock clock;
    private final Path scratchDirectory;

    /**
     * @param models           the models bucket; the registry closes its client
     * @param shippedIds       ids of the models shipped on the classpath, which registered ones must not take
     * @param scratchDirectory where a model is unpacked for its trial load
     */
    public ModelRegistry(DataSource dataSource, ObjectStore models, Collection<String> shippedIds, Clock clock,
                         Path scratchDirectory) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.models = Objects.requireNonNull(models, "models");
        this.shippedIds = Set.copyOf(shippedIds);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scratchDirectory = Objects.requireNonNull(scratchDirectory, "scratchDirectory");
    }

    /**
     * Checks a model and registers it.
     *
     * @throws InvalidModelCardException   when the card misses fields or names an unsupported family or format
     * @throws ModelIdTakenException       when a shipped or registered model has the card's id
     * @throws WeightHashMismatchException when the weights' sha256 is not the card's
     * @throws io.pinxit.inference.ModelShapeMismatchException when the network does not take or give what the card says
     * @throws io.pinxit.inference.ModelLoadException when the weights cannot be loaded at all
     */
    public RegisteredModel register(ModelCard card, byte[] weights, String registeredBy) {
        var violations = CardRequirements.violations(card);
        if (!violations.isEmpty()) {
            throw new InvalidModelCardException(violations);
        }
        if (shippedIds.contains(card.id())) {
            throw new ModelIdTakenException(card.id(), true);
        }
        if (find(card.id()).isPresent()) {
            throw new ModelIdTakenException(card.id(), false);
        }
        String actual = Sha256.hex(weights);
        if (!actual.equals(card.weightsSha256())) {
            throw new WeightHashMismatchException(card.id(), card.weightsFile(), card.weightsSha256(), actual);
        }
        tryLoading(card, weights);
        StoredObject stored = models.putContentAddressed(weights, "application/octet-stream",
                CardRequirements.extensionOf(card.format()));
        var model = new RegisteredModel(card, stored.key(), stored.size(), clock.instant(), registeredBy);
        insert(model);
        LOG.info("Registered model {} {} ({}, sha256 {}) for {}", card.id(), card.version(), card.format(),
                card.weightsSha256(), registeredBy);
        return model;
    }

    /** Every registered model, oldest first. */
    public List<RegisteredModel> list() {
        return query("select " + COLUMNS + " from registry.registered_model order by registered_at, id", null);
    }

    public Optional<RegisteredModel> find(String id) {
        return query("select " + COLUMNS + " from registry.registered_model where id = ?", id).stream().findFirst();
    }

    /**
     * A registered model's weights, read back from the bucket.
     *
     * @throws WeightHashMismatchException when the stored bytes are not the ones the card names
     */
    public byte[] weightsOf(RegisteredModel model) {
        byte[] weights;
        try (InputStream in = models.open(model.weightsKey())) {
            weights = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelRegistryException("Could not read the weights of model '%s'".formatted(model.id()), e);
        }
        String actual = Sha256.hex(weights);
        if (!actual.equals(model.card().weightsSha256())) {
            throw new WeightHashMismatchException(model.id(), model.weightsKey(), model.card().weightsSha256(), actual);
        }
        return weights;
    }

    /** Closes the models bucket's client. */
    @Override
    public void close() {
        models.close();
    }

    /** Loads the model the way workers will, from a folder laid out like the shipped ones, and closes it again. */
    private void tryLoading(ModelCard card, byte[] weights) {
        Path root = null;
        try {
            Files.createDirectories(scratchDirectory);
            root = Files.createTempDirectory(scratchDirectory, "registration-");
            ModelFolders.write(root, card, weights);
            try (ImageGenerator generator = new ModelLoader(ModelCatalog.fromDirectory(root)).load(card)) {
                LOG.debug("Model {} gives {}x{} pictures", card.id(), generator.card().imageWidth(),
                        generator.card().imageHeight());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack model '%s' for its trial load".formatted(card.id()), e);
        } finally {
            if (root != null) {
                ModelFolders.delete(root);
            }
        }
    }

    private void insert(RegisteredModel model) {
        String sql = """
                insert into registry.registered_model (id, version, family, format, card, weights_key, weights_sha256,
                    weights_size, registered_at, registered_by)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                """;
        ModelCard card = model.card();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, card.id());
            statement.setString(2, card.version());
            statement.setString(3, card.family());
            statement.setString(4, card.format());
            statement.setString(5, JSON.writeValueAsString(card));
            statement.setString(6, model.weightsKey());
            statement.setString(7, card.weightsSha256());
            statement.setLong(8, model.weightsSize());
            statement.setTimestamp(9, Timestamp.from(model.registeredAt()));
            statement.setString(10, model.registeredBy());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ModelIdTakenException(card.id(), false);
            }
            throw new ModelRegistryException("Could not register model '%s'".formatted(card.id()), e);
        } catch (JsonProcessingException e) {
            throw new ModelRegistryException("Could not write the card of model '%s'".formatted(card.id()), e);
        }
    }

    private List<RegisteredModel> query(String sql, String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setString(1, id);
            }
            List<RegisteredModel> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new RegisteredModel(JSON.readValue(rows.getString("card"), ModelCard.class),
                            rows.getString("weights_key"), rows.getLong("weights_size"),
                            rows.getTimestamp("registered_at").toInstant(), rows.getString("registered_by")));
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new ModelRegistryException("Could not read the registered models", e);
        }
    }

    /** Lays models out as {@link ModelCatalog#fromDirectory} reads them: {@code <root>/<id>/card.json} + weights. */
    static final class ModelFolders {

        private ModelFolders() {
        }

        static void write(Path root, ModelCard card, byte[] weights) throws IOException {
            Path folder = Files.createDirectories(root.resolve(card.id()));
            Files.write(folder.resolve(card.weightsFile()), weights);
            Files.write(folder.resolve("card.json"), JSON.writeValueAsBytes(card));
        }

        static void delete(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", root, e.getMessage());
            }
        }
    }
}
