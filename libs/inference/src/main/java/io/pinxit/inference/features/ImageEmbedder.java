package io.pinxit.inference.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.tfjs.LayersModel;
import io.pinxit.inference.tfjs.TfjsImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Describes a picture by an image classifier's features: the output of one of its last layers, scaled to
 * unit length, so that similar pictures have a high dot product. Loaded (hash-checked) by
 * {@code ModelLoader.loadEmbedder}; safe to call from several threads.
 */
public final class ImageEmbedder implements AutoCloseable {

    private final LayersModel network;
    private final String featureLayer;
    private final int inputSize;
    private final int dimensions;

    /**
     * @param featureLayer the layer whose (flat) output is the embedding
     * @param inputSize the square side, in pixels, the network was trained on
     */
    public ImageEmbedder(LayersModel network, String featureLayer, int inputSize) {
        this.network = network;
        this.featureLayer = featureLayer;
        this.inputSize = inputSize;
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            NDArray blank = manager.zeros(new Shape(1, inputSize, inputSize, 3));
            this.dimensions = Math.toIntExact(layerOutputs(blank, List.of(featureLayer)).get(featureLayer).size());
        }
    }

    /** The length of every embedding. */
    public int dimensions() {
        return dimensions;
    }

    /** The picture's features, L2-normalised (all zeros stay zeros). */
    public float[] embed(BufferedImage image) {
        return embedAll(List.of(image)).get(0);
    }

    /**
     * The features of each picture, in order, from one pass of the network over all of them: several pictures a pass
     * cost less each than one at a time.
     */
    public List<float[]> embedAll(List<BufferedImage> images) {
        float[] features;
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            NDList batch = new NDList(images.stream().map(image -> pixels(image, manager)).toList());
            features = layerOutputs(NDArrays.concat(batch), List.of(featureLayer)).get(featureLayer).toFloatArray();
        }
        int size = features.length / images.size();
        List<float[]> embeddings = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            embeddings.add(normalised(Arrays.copyOfRange(features, i * size, (i + 1) * size)));
        }
        return embeddings;
    }

    private static float[] normalised(float[] features) {
        double squares = 0;
        for (float feature : features) {
            squares += (double) feature * feature;
        }
        double norm = Math.sqrt(squares);
        if (norm > 0) {
            for (int i = 0; i < features.length; i++) {
                features[i] = (float) (features[i] / norm);
            }
        }
        return features;
    }

    /**
     * The network's input for a picture: [1, side, side, 3] RGB scaled to 0–1, resized (bilinear, corners
     * aligned) when the picture is not already the network's size.
     */
    public NDArray pixels(BufferedImage image, NDManager manager) {
        float[] rgb = TfjsImages.rgb(image);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = rgb[i] / 255f;
        }
        if (image.getWidth() != inputSize || image.getHeight() != inputSize) {
            rgb = TfjsImages.resizeBilinearAlignedCorners(rgb, image.getHeight(), image.getWidth(), 3, inputSize, inputSize);
        }
        return manager.create(rgb, new Shape(1, inputSize, inputSize, 3));
    }

    /**
     * The outputs of named layers (see {@link LayersModel#layerNames()}) for a batch of pixels made like
     * {@link #pixels}, laid out as TF.js would, e.g. [N, H, W, C]; usable as perceptual features. They
     * belong to the manager of {@code pixels}.
     */
    public Map<String, NDArray> layerOutputs(NDArray pixels, Collection<String> layerNames) {
        return network.outputsOf(pixels, layerNames);
    }

    public List<String> layerNames() {
        return network.layerNames();
    }

    @Override
    public void close() {
        network.close();
    }
}
