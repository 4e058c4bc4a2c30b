package io.pinxit.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelCard;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.inference.style.FastStyleSchedule;
import io.pinxit.inference.style.FastStyleTraining;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.inference.style.TrainedFastStyle;
import io.pinxit.inference.style.TrainingPhotos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a fast style on the shipped training photos and publishes it into {@code --model-dir}: the weights, the
 * style picture as {@code style.png}, and the card (written by hand beforehand, for its name, credit and prose)
 * vouching for both by hash and stating how they were made, the training photos first among its data sources. Previews go to {@code --preview-dir}.
 */
public final class TrainFastStyle {

    private static final Logger LOG = LoggerFactory.getLogger(TrainFastStyle.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainFastStyle() {}

    public static void main(String[] args) throws IOException {
        DjlRuntime.configure();
        ToolArguments arguments = ToolArguments.parse(args);
        Path style = Path.of(arguments.get("style", "docs/style/inputs/style-hokusai-great-wave.png"));
        Path modelDir = Path.of(arguments.get("model-dir", "models/fast-style-great-wave"));
        Path previews = Path.of(arguments.get("preview-dir", "build/training/fast-style-great-wave"));
        var schedule = new FastStyleSchedule(Integer.parseInt(arguments.get("steps", "2000")),
                Integer.parseInt(arguments.get("batch-size", "4")), Integer.parseInt(arguments.get("crop-size", "256")),
                Long.parseLong(arguments.get("seed", "20261123")));
        String execution = arguments.get("execution", "train-fast-style");
        Files.createDirectories(previews);
        var publisher = new ModelPublisher(modelDir);
        ModelCard card = publisher.card();
        TrainingPhotos photos = TrainingPhotos.fromClasspath();
        LOG.info("Training {} on {} photos, {} steps of {} crops of {} px, seed {}, on {}", card.id(), photos.size(),
                schedule.steps(), schedule.batchSize(), schedule.cropSize(), schedule.seed(), DjlRuntime.platform());

        ModelCatalog catalog = ModelCatalog.fromClasspath();
        long started = System.nanoTime();
        TrainedFastStyle trained;
        try (var training = FastStyleTraining.load(new ModelLoader(catalog), catalog)) {
            trained = training.train(ImageIO.read(style.toFile()), photos, schedule, logging(previews));
        }
        double minutes = Math.round((System.nanoTime() - started) / 6e9) / 10.0;

        Files.write(modelDir.resolve(card.weightsFile()), trained.weights());
        Path picture = modelDir.resolve(card.style().file());
        Files.copy(style, picture, StandardCopyOption.REPLACE_EXISTING);
        var training = new ModelCard.Training(
                ("./mvnw -B -q -pl tools/model-training -am install -DskipTests && ./mvnw -B -pl tools/model-training "
                        + "exec:exec@%s -Dsteps=%d -DbatchSize=%d -DcropSize=%d -Dseed=%d -Dthreads=%s").formatted(
                        execution, schedule.steps(), schedule.batchSize(), schedule.cropSize(), schedule.seed(),
                        Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors())),
                schedule.seed(), schedule.steps(), schedule.batchSize(),
                "Adam lr 1e-3 on the network's weights; per crop, the style term (relative distance of Gram matrices "
                        + "of SWAG-smoothed MobileNet-v2 activations, temperature 3, four layers, against the style "
                        + "shown at 512x512 pixels of area) plus 0.3 times the content term (relative distance of "
                        + "block_6_expand_relu activations to the photo's own), as the neural style's recipe",
                minutes, TrainDcgan.machine(), schedule.cropSize(), trained.styleLoss(), trained.contentLoss());
        ModelCard.PaintedStyle painted = card.style();
        var published = new ModelCard(card.id(), card.version(), card.family(), card.format(), card.architecture(), 0,
                0, 0, 0, card.weightsFile(), trained.sha256(), card.weightShards(), 0, null, null, card.labels(), card.vocabulary(), null,
                new ModelCard.PaintedStyle(painted.name(), painted.file(), Sha256.hex(Files.readAllBytes(picture)),
                        painted.attribution(), painted.source(), painted.licence()),
                dataSources(card), training, card.intendedUse(), card.limitations());
        Files.writeString(modelDir.resolve(ModelPublisher.CARD_FILE), JSON.writeValueAsString(published)
                + System.lineSeparator());
        LOG.info("Published {} after {} minutes: style {} content {}, sha256 {}", card.id(), minutes,
                trained.styleLoss(), trained.contentLoss(), trained.sha256());
    }

    /** The training photos first, as the corpus describes itself, then the card's other sources as written. */
    private static List<ModelCard.DataSource> dataSources(ModelCard card) {
        ModelCard.DataSource photos = TrainingPhotos.dataSource();
        return Stream.concat(Stream.of(photos), card.dataSources().stream()
                .filter(source -> !source.name().equals(photos.name()))).toList();
    }

    private static StyleProgress logging(Path previews) {
        return new StyleProgress() {
            @Override
            public void iterated(int step, int total) {
                if (step % 50 == 0) {
                    LOG.info("step {} of {}", step, total);
                }
            }

            @Override
            public void previewed(BufferedImage preview, int step, int total) {
                try {
                    ImageIO.write(preview, "png", previews.resolve("preview-%05d.png".formatted(step)).toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
