package io.pinxit.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.features.ImageEmbedder;
import io.pinxit.inference.gan.ConditionalDcgan32;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.tfjs.LayersModel;
import io.pinxit.inference.style.FastStyle;
import io.pinxit.inference.style.ShippedFastStyle;
import io.pinxit.inference.upscale.ImageUpscaler;
import io.pinxit.inference.vae.ConditionalVae32;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a model gets into memory: every file its card names (weights file and weight shards) is
 * hashed and compared with the card before the network is built, and the network is read from those same
 * bytes, so nothing unvouched-for is ever read.
 */
public final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);
    static final String DJL_PARAMS_FORMAT = "djl-params";
    static final String TFJS_LAYERS_FORMAT = "tfjs-layers";
    static final String DCGAN_32 = "dcgan-32";
    static final String CONDITIONAL_DCGAN_32 = "conditional-dcgan-32";
    static final String PROMPT_DCGAN_32 = "prompt-dcgan-32";
    static final String CONDITIONAL_VAE_32 = "conditional-vae-32";

    private final ModelCatalog catalog;
    private final Device device;

    /** Loads onto the engine's default device: a GPU when one is present, else the CPU. */
    public ModelLoader(ModelCatalog catalog) {
        this(catalog, DjlRuntime.device());
    }

    /** Loads onto {@code device}; ONNX models run where OnnxRuntime's CPU build runs them, whatever the device. */
    public ModelLoader(ModelCatalog catalog, Device device) {
        this.catalog = catalog;
        this.device = device;
    }

    /**
     * Loads the generator a card describes: a {@code dcgan-32} takes a seed, a {@code conditional-dcgan-32}
     * a seed and one of the card's {@code labels} ({@link ImageGenerator#generate(long, int, String)}). A
     * {@code conditional-vae-32} (family {@code vae}) takes a seed and a label too, and is a
     * {@link LatentImageGenerator}: it also encodes pictures and decodes any points of its latent space.
     *
     * A {@code torchscript} or {@code onnx} generator, exported from another framework, takes a seed and is run
     * once on loading to check that it gives the card's picture size.
     *
     * @throws WeightHashMismatchException when the stored weights are not the ones the card names
     * @throws ModelShapeMismatchException when an exported generator does not give what its card says
     * @throws ModelLoadException when the weights cannot be read or the card names an unknown kind
     */
    public ImageGenerator load(ModelCard card) {
        if (card.isGenerator() && ExportedImageGenerator.isExportedFormat(card.format())) {
            return loadExported(card);
        }
        return ModelCard.VAE_FAMILY.equals(card.family()) ? loadVae(card) : loadDcgan(card);
    }

    private ImageGenerator loadDcgan(ModelCard card) {
        requireKind(card, ModelCard.GAN_FAMILY, DJL_PARAMS_FORMAT);
        Block generator = switch (card.architecture()) {
            case DCGAN_32 -> {
                requireConditions(card, false, false);
                yield Dcgan32.generator(card.latentSize(), card.baseWidth());
            }
            case CONDITIONAL_DCGAN_32 -> {
                requireConditions(card, true, false);
                yield ConditionalDcgan32.generator(card.latentSize(), card.baseWidth());
            }
            case PROMPT_DCGAN_32 -> {
                requireConditions(card, false, true);
                yield ConditionalDcgan32.promptGenerator(card.latentSize(), card.baseWidth());
            }
            default -> throw new ModelLoadException("Model '%s' is a %s; only %s, %s and %s generators can be loaded"
                    .formatted(card.id(), card.architecture(), DCGAN_32, CONDITIONAL_DCGAN_32, PROMPT_DCGAN_32));
        };
        return new DcganImageGenerator(card, withWeights(card, generator));
    }

    /** Refuses a card whose labels or vocabulary do not match what its architecture is conditioned on. */
    private static void requireConditions(ModelCard card, boolean labelled, boolean prompted) {
        if (labelled == card.labels().isEmpty()) {
            throw new ModelLoadException(labelled
                    ? "Conditional generator '%s' must list its labels".formatted(card.id())
                    : "Generator '%s' is not conditioned on labels but lists some".formatted(card.id()));
        }
        if (prompted == card.vocabulary().isEmpty()) {
            throw new ModelLoadException(prompted
                    ? "Prompt generator '%s' must list its vocabulary".formatted(card.id())
                    : "Generator '%s' takes no prompt but lists a vocabulary".formatted(card.id()));
        }
    }

    private ImageGenerator loadVae(ModelCard card) {
        requireKind(card, ModelCard.VAE_FAMILY, DJL_PARAMS_FORMAT);
        if (!CONDITIONAL_VAE_32.equals(card.architecture())) {
            throw new ModelLoadException("Model '%s' is a %s; only %s VAEs can be loaded"
                    .formatted(card.id(), card.architecture(), CONDITIONAL_VAE_32));
        }
        if (card.labels().isEmpty()) {
            throw new ModelLoadException("Conditional VAE '%s' must list its labels".formatted(card.id()));
        }
        var network = new ConditionalVae32(card.latentSize(), card.baseWidth());
        return new VaeImageGenerator(card, withWeights(card, network), network);
    }

    /**
     * Reads a shipped fast style: its network's weights and its style picture, each checked against the card's hash.
     *
     * @throws WeightHashMismatchException when a file is not the one the card names
     * @throws ModelLoadException when the card is not a fast style or a file cannot be read
     */
    public ShippedFastStyle loadFastStyle(ModelCard card) {
        requireKind(card, ModelCard.FAST_STYLE_FAMILY, DJL_PARAMS_FORMAT);
        if (!FastStyle.ARCHITECTURE.equals(card.architecture()) || card.style() == null) {
            throw new ModelLoadException("Fast style '%s' must be a %s and name its style picture"
                    .formatted(card.id(), FastStyle.ARCHITECTURE));
        }
        return new ShippedFastStyle(card, verifiedFiles(card).get(card.weightsFile()),
                verified(card, card.style().file(), card.style().sha256()));
    }

    /** A model of {@code network} holding the card's verified weights. */
    private Model withWeights(ModelCard card, Block network) {
        byte[] weights = verifiedFiles(card).get(card.weightsFile());
        Model model = Model.newInstance(card.id(), device);
        try {
            network.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            model.setBlock(network);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("Cannot read the weights of model '%s'".formatted(card.id()), e);
        }
        logLoaded(card, model.getNDManager().getDevice().toString());
        return model;
    }

    private ImageGenerator loadExported(ModelCard card) {
        if (!card.labels().isEmpty() || !card.vocabulary().isEmpty()) {
            throw new ModelLoadException("Generator '%s' is a %s model, which cannot be conditioned on labels or prompts"
                    .formatted(card.id(), card.format()));
        }
        byte[] weights = verifiedFiles(card).get(card.weightsFile());
        ExportedImageGenerator generator = ExportedImageGenerator.load(card, weights, device);
        logLoaded(card, card.format());
        return generator;
    }

    /**
     * Loads the super-resolution model a card describes; it enlarges pictures by the card's {@code scale}.
     *
     * @throws WeightHashMismatchException when a stored file is not the one the card names
     * @throws ModelLoadException when the files cannot be read or the card names another kind of model
     */
    public ImageUpscaler loadUpscaler(ModelCard card) {
        requireKind(card, ModelCard.UPSCALER_FAMILY, TFJS_LAYERS_FORMAT);
        if (card.scale() < 2) {
            throw new ModelLoadException("Upscaler '%s' must state a scale of at least 2".formatted(card.id()));
        }
        return new ImageUpscaler(layersModel(card), card.scale());
    }

    /**
     * Loads the feature extractor a card describes: its {@code featureLayer} is the embedding, its square
     * {@code imageWidth} the network's input size; a {@code classLayer} gives the probabilities of its
     * {@code labels}.
     *
     * @throws WeightHashMismatchException when a stored file is not the one the card names
     * @throws ModelLoadException when the files cannot be read or the card names another kind of model
     */
    public ImageEmbedder loadEmbedder(ModelCard card) {
        requireKind(card, ModelCard.FEATURE_EXTRACTOR_FAMILY, TFJS_LAYERS_FORMAT);
        if (card.featureLayer() == null || card.imageWidth() < 1 || card.imageWidth() != card.imageHeight()) {
            throw new ModelLoadException(
                    "Feature extractor '%s' must name its feature layer and a square input size".formatted(card.id()));
        }
        LayersModel network = layersModel(card);
        try {
            Optional<ImageEmbedder.Classes> classes = Optional.ofNullable(card.classLayer())
                    .map(layer -> new ImageEmbedder.Classes(layer, card.labels()));
            return new ImageEmbedder(network, card.featureLayer(), classes, card.imageWidth());
        } catch (RuntimeException e) {
            network.close();
            throw new ModelLoadException("Model '%s' cannot embed pictures".formatted(card.id()), e);
        }
    }

    private LayersModel layersModel(ModelCard card) {
        Map<String, byte[]> files = verifiedFiles(card);
        byte[] modelJson = files.remove(card.weightsFile());
        try {
            LayersModel network = LayersModel.read(modelJson, files, device);
            logLoaded(card, network.device().toString());
            return network;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("Cannot read TF.js model '%s'".formatted(card.id()), e);
        }
    }

    /** Every file the card names, by name, each checked against its hash before it is returned. */
    private Map<String, byte[]> verifiedFiles(ModelCard card) {
        Map<String, byte[]> files = new HashMap<>();
        files.put(card.weightsFile(), verified(card, card.weightsFile(), card.weightsSha256()));
        for (ModelCard.WeightShard shard : card.weightShards()) {
            files.put(shard.file(), verified(card, shard.file(), shard.sha256()));
        }
        return files;
    }

    private byte[] verified(ModelCard card, String file, String expectedSha256) {
        byte[] bytes;
        try {
            bytes = catalog.readFile(card, file);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read %s of model '%s'".formatted(file, card.id()), e);
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(String.valueOf(expectedSha256))) {
            throw new WeightHashMismatchException(card.id(), file, expectedSha256, actual);
        }
        return bytes;
    }

    private static void requireKind(ModelCard card, String family, String format) {
        if (!family.equals(card.family()) || !format.equals(card.format())) {
            throw new ModelLoadException("Model '%s' is a %s/%s, not a %s/%s"
                    .formatted(card.id(), card.family(), card.format(), family, format));
        }
    }

    private static void logLoaded(ModelCard card, String device) {
        LOG.info("Loaded model {} {} (sha256 {}, {} shard(s)) on {}",
                card.id(), card.version(), card.weightsSha256(), card.weightShards().size(), device);
    }
}
