package io.pinxit.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.gan.Dcgan32;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a model gets into memory: its weight bytes are hashed and compared with the card before
 * the network is built, and the parameters are read from those same bytes.
 */
public final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);
    static final String GAN_FAMILY = "gan";
    static final String DJL_PARAMS_FORMAT = "djl-params";
    static final String DCGAN_32 = "dcgan-32";

    private final ModelCatalog catalog;

    public ModelLoader(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Loads the model a card describes.
     *
     * @throws WeightHashMismatchException when the stored weights are not the ones the card names
     * @throws ModelLoadException when the weights cannot be read or the card names an unknown kind
     */
    public ImageGenerator load(ModelCard card) {
        requireSupported(card);
        byte[] weights = readWeights(card);
        String actual = Sha256.hex(weights);
        if (!actual.equalsIgnoreCase(String.valueOf(card.weightsSha256()))) {
            throw new WeightHashMismatchException(card.id(), card.weightsSha256(), actual);
        }
        Model model = Model.newInstance(card.id(), DjlRuntime.device());
        try {
            Block generator = Dcgan32.generator(card.latentSize(), card.baseWidth());
            generator.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            model.setBlock(generator);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("Cannot read the weights of model '%s'".formatted(card.id()), e);
        }
        LOG.info("Loaded model {} {} (sha256 {}) on {}", card.id(), card.version(), actual, model.getNDManager().getDevice());
        return new DcganImageGenerator(card, model);
    }

    private byte[] readWeights(ModelCard card) {
        try {
            return catalog.readWeights(card);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read the weights of model '%s'".formatted(card.id()), e);
        }
    }

    private static void requireSupported(ModelCard card) {
        if (!GAN_FAMILY.equals(card.family())
                || !DJL_PARAMS_FORMAT.equals(card.format())
                || !DCGAN_32.equals(card.architecture())) {
            throw new ModelLoadException("Model '%s' is a %s/%s/%s; only %s/%s/%s can be loaded"
                    .formatted(card.id(), card.family(), card.format(), card.architecture(),
                            GAN_FAMILY, DJL_PARAMS_FORMAT, DCGAN_32));
        }
    }
}
