package io.pinxit.inference.tfjs;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js layers model (a Keras functional graph: {@code model.json} plus binary weight shards)
 * evaluated with DJL array operations. Inputs and outputs are laid out as in TF.js (NHWC). Read-only once
 * built, so calls may run concurrently; arrays a call returns belong to its input's manager.
 */
public final class LayersModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FUNCTIONAL = List.of("Model", "Functional");

    private final NDManager manager;
    private final Map<String, Node> nodes;
    private final String inputLayer;
    private final String outputLayer;

    private LayersModel(NDManager manager, Map<String, Node> nodes, String inputLayer, String outputLayer) {
        this.manager = manager;
        this.nodes = nodes;
        this.inputLayer = inputLayer;
        this.outputLayer = outputLayer;
    }

    private record Node(Layer layer, List<String> inbound) {}

    /**
     * Builds the model that {@code modelJson} describes, with weights read from {@code shards} (file name to
     * bytes, for every path its weights manifest lists), on {@code device}.
     *
     * @throws IllegalArgumentException when the model uses a layer, option or weight encoding this reader
     *     does not support, or its shards do not match its manifest
     */
    public static LayersModel read(byte[] modelJson, Map<String, byte[]> shards, Device device) throws IOException {
        JsonNode root = JSON.readTree(modelJson);
        JsonNode topology = root.path("modelTopology");
        JsonNode model = topology.has("model_config") ? topology.path("model_config") : topology;
        if (!FUNCTIONAL.contains(model.path("class_name").asText())) {
            throw new IllegalArgumentException("Only functional layers models are supported, not '%s'"
                    .formatted(model.path("class_name").asText()));
        }
        JsonNode config = model.path("config");
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Weights weights = Weights.decode(root.path("weightsManifest"), shards);
            var decoder = new LayerDecoder(weights, manager);
            Map<String, Node> nodes = new LinkedHashMap<>();
            for (JsonNode layer : config.path("layers")) {
                String className = layer.path("class_name").asText();
                if (!className.equals("InputLayer")) {
                    String name = layer.path("name").asText();
                    nodes.put(name, new Node(decoder.decode(className, name, layer.path("config")), inbound(layer)));
                }
            }
            weights.requireAllTaken();
            return new LayersModel(manager, nodes, onlyLayer(config.path("input_layers")),
                    onlyLayer(config.path("output_layers")));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The names of the model's layers, in the order its topology lists them; each can be read as an output. */
    public List<String> layerNames() {
        return List.copyOf(nodes.keySet());
    }

    /** The model's output for a batch {@code input}, laid out as TF.js would ([N, H, W, C] for images). */
    public NDArray predict(NDArray input) {
        return outputsOf(input, List.of(outputLayer)).get(outputLayer);
    }

    /**
     * The outputs of the named layers for {@code input}, computing only the part of the graph they need.
     *
     * @throws IllegalArgumentException when the model has no layer of one of those names
     */
    public Map<String, NDArray> outputsOf(NDArray input, Collection<String> layerNames) {
        NDManager caller = input.getManager();
        try (NDManager scope = caller.newSubManager()) {
            scope.tempAttachAll(input);
            Map<String, NDArray> values = new HashMap<>();
            values.put(inputLayer, Layout.fromTfjs(input));
            Map<String, NDArray> outputs = new LinkedHashMap<>();
            for (String name : new LinkedHashSet<>(layerNames)) {
                NDArray output = Layout.toTfjs(evaluate(name, values));
                output.attach(caller);
                outputs.put(name, output);
            }
            return outputs;
        }
    }

    private NDArray evaluate(String name, Map<String, NDArray> values) {
        NDArray value = values.get(name);
        if (value != null) {
            return value;
        }
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("The model has no layer named '%s'".formatted(name));
        }
        List<NDArray> inputs = new ArrayList<>(node.inbound().size());
        for (String inbound : node.inbound()) {
            inputs.add(evaluate(inbound, values));
        }
        value = node.layer().apply(inputs);
        values.put(name, value);
        return value;
    }

    @Override
    public void close() {
        manager.close();
    }

    // Keras lists a layer's calls as inbound_nodes: [[[layer, nodeIndex, tensorIndex, kwargs], ...]].
    private static List<String> inbound(JsonNode layer) {
        JsonNode calls = layer.path("inbound_nodes");
        if (calls.size() != 1) {
            throw new IllegalArgumentException("Layer '%s' is called %d times; only layers called once are supported"
                    .formatted(layer.path("name").asText(), calls.size()));
        }
        List<String> inbound = new ArrayList<>();
        for (JsonNode tensor : calls.get(0)) {
            if (tensor.get(1).asInt() != 0 || tensor.get(2).asInt() != 0) {
                throw new IllegalArgumentException("Layer '%s' reads a shared layer's output, which is not supported"
                        .formatted(layer.path("name").asText()));
            }
            inbound.add(tensor.get(0).asText());
        }
        return List.copyOf(inbound);
    }

    private static String onlyLayer(JsonNode endpoints) {
        if (endpoints.size() != 1) {
            throw new IllegalArgumentException("Only models with one input and one output are supported");
        }
        return endpoints.get(0).get(0).asText();
    }
}
