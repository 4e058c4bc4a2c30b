package io.pinxit.inference.style;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ModelLoadException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A style learned into a feed-forward network ({@link FastStyleTraining}): one pass paints any picture in it, in a
 * fraction of a second, where {@link NeuralStyle} optimises for each picture. Calls may run concurrently.
 */
public final class FastStyle implements AutoCloseable {

    /** The architecture a fast style's model card names. */
    public static final String ARCHITECTURE = FastStyleNetwork.ARCHITECTURE;

    private final Model model;

    private FastStyle(Model model) {
        this.model = model;
    }

    /**
     * A trained network from the weights {@link FastStyleTraining} wrote.
     *
     * @throws ModelLoadException when the bytes are not such weights
     */
    public static FastStyle read(byte[] weights) {
        Block network = FastStyleNetwork.create();
        Model model = Model.newInstance("fast-style", DjlRuntime.device());
        try {
            network.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            model.setBlock(network);
            return new FastStyle(model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("These are not the weights of a fast style network", e);
        }
    }

    /**
     * The content painted in the style, {@code options.size()} pixels on its longest side with the content's aspect
     * ratio: the network's picture laid over the content at {@code options.strength()}, with the content's colours
     * when {@code options.preserveColor()}. Seed and iterations do not apply: the result depends on the content only.
     */
    public BufferedImage transfer(BufferedImage content, StyleOptions options) {
        Objects.requireNonNull(content, "content");
        int[] size = Pictures.fitted(content.getWidth(), content.getHeight(), options.size());
        BufferedImage target = Pictures.resized(content, size[0], size[1]);
        if (options.strength() == 0) {
            return target;
        }
        BufferedImage painted = painted(target, options.strength());
        return options.preserveColor() ? ColourTransfer.withChromaOf(painted, target) : painted;
    }

    private BufferedImage painted(BufferedImage picture, double strength) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = Pictures.array(picture, manager);
            NDArray output = paint(input, manager);
            NDArray blended = input.add(output.sub(input).mul((float) strength));
            return Pictures.picture(blended.clip(0f, 1f));
        }
    }

    /** The network's painting of [N, 3, H, W] pictures, cut back to their size. */
    NDArray paint(NDArray pictures, NDManager manager) {
        return paint(model.getBlock(), pictures, manager, false);
    }

    static NDArray paint(Block network, NDArray pictures, NDManager manager, boolean training) {
        NDArray output = network.forward(new ParameterStore(manager, false), new NDList(pictures), training)
                .singletonOrThrow();
        return output.get(new NDIndex(":, :, :{}, :{}", pictures.getShape().get(2), pictures.getShape().get(3)));
    }

    @Override
    public void close() {
        model.close();
    }
}
