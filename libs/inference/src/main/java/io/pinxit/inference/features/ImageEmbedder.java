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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a picture by an image classifier's features: the output of one of its last layers, scaled to
 * unit length, so that similar pictures have a high dot product; and, when the classifier's output layer is
 * named, by the probability of each of its classes, from the same pass. Loaded (hash-checked) by
 * {@code ModelLoader.loadEmbedder}; safe to call from several threads.
 */
public final class ImageEmbedder implements AutoCloseable {

    private final LayersModel network;
    private final String featureLayer;
    private final Optional<Classes> classes;
    private final int inputSize;
    private final int dimensions;

    /** A classifier's output layer (softmax) and the names of its outputs, in the network's order. */
    public record Classes(String layer, List<String> names) {

        public Classes {
            names = List.copyOf(names);
        }
    }

    /** A picture's embedding and, for a classifier with named classes, each class's probability (in class order). */
    public record Description(float[] embedding, Map<String, Float> classProbabilities) {
    }

    /**
     * @param featureLayer the layer whose (flat) output is the embedding
     * @param classes the layer whose output is the class probabilities, with their names; empty when not wanted
     * @param inputSize the square side, in pixels, the network was trained on
     */
    public ImageEmbedder(LayersModel network, String featureLayer, Optional<Classes> classes, int inputSize) {
        this.network = network;
        this.featureLayer = featureLayer;
        this.classes = classes;
        this.inputSize = inputSize;
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            NDArray blank = manager.zeros(new Shape(1, inputSize, inputSize, 3));
            Map<String, NDArray> outputs = layerOutputs(blank, outputLayers());
            this.dimensions = Math.toIntExact(outputs.get(featureLayer).size());
            classes.ifPresent(named -> {
                if (outputs.get(named.layer()).size() != named.names().size()) {
                    throw new IllegalArgumentException("Layer %s has %d outputs, not the %d classes named"
                            .formatted(named.layer(), outputs.get(named.layer()).size(), named.names().size()));
                }
            });
        }
    }

    private List<String> outputLayers() {
        return classes.map(named -> List.of(featureLayer, named.layer())).orElse(List.of(featureLayer));
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
        return describeAll(images).stream().map(Description::embedding).toList();
    }

    /**
     * The embedding and class probabilities of each picture, in order, from one pass of the network over all of
     * them.
     */
    public List<Description> describeAll(List<BufferedImage> images) {
        float[] features;
        float[] probabilities;
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            NDList batch = new NDList(images.stream().map(image -> pixels(image, manager)).toList());
            Map<String, NDArray> outputs = layerOutputs(NDArrays.concat(batch), outputLayers());
            features = outputs.get(featureLayer).toFloatArray();
            probabilities = classes.map(named -> outputs.get(named.layer()).toFloatArray()).orElse(new float[0]);
        }
        int size = features.length / images.size();
        List<String> names = classes.map(Classes::names).orElse(List.of());
        List<Description> descriptions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            Map<String, Float> byClass = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                byClass.put(names.get(c), probabilities[i * names.size() + c]);
            }
            descriptions.add(new Description(normalised(Arrays.copyOfRange(features, i * size, (i + 1) * size)),
                    Collections.unmodifiableMap(byClass)));
        }
        return descriptions;
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
