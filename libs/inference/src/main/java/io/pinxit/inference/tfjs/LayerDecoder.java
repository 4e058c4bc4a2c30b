package io.pinxit.inference.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;

/** Builds a {@link Layer} from its Keras class name and config, taking its weights as it goes. */
final class LayerDecoder {

    private static final int[] HWIO_TO_OIHW = {3, 2, 0, 1};
    private static final int[] HWC1_TO_C1HW = {2, 3, 0, 1};

    private final Weights weights;
    private final NDManager manager;

    LayerDecoder(Weights weights, NDManager manager) {
        this.weights = weights;
        this.manager = manager;
    }

    Layer decode(String className, String name, JsonNode config) {
        return switch (className) {
            case "Conv2D" -> convolution(name, config, false);
            case "DepthwiseConv2D" -> convolution(name, config, true);
            case "BatchNormalization" -> batchNormalization(name, config);
            case "Dense" -> dense(name, config);
            case "Activation" -> new Layer.ActivationLayer(Activation.named(config.path("activation").asText()));
            case "ReLU" -> relu(name, config);
            case "Dropout" -> new Layer.Identity();
            case "Add" -> new Layer.Add();
            case "Concatenate" -> new Layer.Concatenate(config.path("axis").asInt(-1));
            case "ZeroPadding2D" -> zeroPadding(config);
            case "UpSampling2D" -> upsampling(name, config);
            case "MaxPooling2D" -> pooling(name, config, Pooling.Kind.MAX);
            case "AveragePooling2D" -> pooling(name, config, Pooling.Kind.AVERAGE);
            case "Flatten" -> new Layer.Flatten();
            default -> throw new IllegalArgumentException(
                    "Layer '%s' is a %s, which this reader does not support".formatted(name, className));
        };
    }

    private Layer convolution(String name, JsonNode config, boolean depthwise) {
        requireChannelsLast(name, config);
        Weights.Weight kernel = weights.take(name, depthwise ? "depthwise_kernel" : "kernel");
        long[] shape = kernel.shape();
        int groups;
        NDArray oihw;
        if (depthwise) {
            // Output channel c·multiplier + m filters input channel c, as in TF.
            groups = Math.toIntExact(shape[2]);
            long[] asOneFilterPerChannel = {shape[0], shape[1], shape[2] * shape[3], 1};
            oihw = permuted(kernel.values(), asOneFilterPerChannel, HWC1_TO_C1HW);
        } else {
            groups = config.path("groups").asInt(1);
            oihw = permuted(kernel.values(), shape, HWIO_TO_OIHW);
        }
        NDArray bias = config.path("use_bias").asBoolean(true) ? vector(weights.take(name, "bias")) : null;
        return new Convolution(oihw, bias, pair(config.path("strides")), pair(config.path("dilation_rate")),
                samePadding(name, config), groups, Activation.named(config.path("activation").asText("linear")));
    }

    private Layer batchNormalization(String name, JsonNode config) {
        int axis = config.path("axis").isArray() ? config.path("axis").get(0).asInt() : config.path("axis").asInt(-1);
        if (axis != -1 && axis != 3) {
            throw new IllegalArgumentException("Layer '%s' normalises axis %d; only channels are supported".formatted(name, axis));
        }
        double epsilon = config.path("epsilon").asDouble(1e-3);
        float[] mean = weights.take(name, "moving_mean").values();
        float[] variance = weights.take(name, "moving_variance").values();
        float[] gamma = config.path("scale").asBoolean(true) ? weights.take(name, "gamma").values() : null;
        float[] beta = config.path("center").asBoolean(true) ? weights.take(name, "beta").values() : new float[mean.length];
        float[] factor = new float[mean.length];
        for (int c = 0; c < factor.length; c++) {
            factor[c] = (float) ((gamma == null ? 1.0 : gamma[c]) / Math.sqrt(variance[c] + epsilon));
        }
        return new BatchNormalization(manager.create(mean), manager.create(factor), manager.create(beta));
    }

    private Layer dense(String name, JsonNode config) {
        Weights.Weight kernel = weights.take(name, "kernel");
        NDArray bias = config.path("use_bias").asBoolean(true) ? vector(weights.take(name, "bias")) : null;
        return new Dense(manager.create(kernel.values(), new Shape(kernel.shape())), bias,
                Activation.named(config.path("activation").asText("linear")));
    }

    private static Layer relu(String name, JsonNode config) {
        JsonNode maxValue = config.path("max_value");
        if (config.path("negative_slope").asDouble(0) != 0 || config.path("threshold").asDouble(0) != 0) {
            throw new IllegalArgumentException("Layer '%s' is a leaky or thresholded ReLU, which is not supported".formatted(name));
        }
        if (maxValue.isMissingNode() || maxValue.isNull()) {
            return new Layer.ActivationLayer(Activation.RELU);
        }
        if (maxValue.asDouble() != 6) {
            throw new IllegalArgumentException("Layer '%s' caps ReLU at %s; only 6 is supported".formatted(name, maxValue));
        }
        return new Layer.ActivationLayer(Activation.RELU6);
    }

    private static Layer zeroPadding(JsonNode config) {
        JsonNode padding = config.path("padding");
        if (padding.isInt()) {
            int p = padding.asInt();
            return new Layer.ZeroPadding(p, p, p, p);
        }
        if (padding.get(0).isInt()) {
            int vertical = padding.get(0).asInt();
            int horizontal = padding.get(1).asInt();
            return new Layer.ZeroPadding(vertical, vertical, horizontal, horizontal);
        }
        return new Layer.ZeroPadding(padding.get(0).get(0).asInt(), padding.get(0).get(1).asInt(),
                padding.get(1).get(0).asInt(), padding.get(1).get(1).asInt());
    }

    private static Layer upsampling(String name, JsonNode config) {
        requireChannelsLast(name, config);
        if (!config.path("interpolation").asText("nearest").equals("nearest")) {
            throw new IllegalArgumentException("Layer '%s' upsamples with '%s'; only nearest is supported"
                    .formatted(name, config.path("interpolation").asText()));
        }
        int[] size = pair(config.path("size"));
        return new Layer.NearestUpsampling(size[0], size[1]);
    }

    private static Layer pooling(String name, JsonNode config, Pooling.Kind kind) {
        requireChannelsLast(name, config);
        int[] pool = pair(config.path("pool_size"));
        int[] strides = config.hasNonNull("strides") ? pair(config.path("strides")) : pool;
        return new Pooling(kind, pool, strides, samePadding(name, config));
    }

    /** Whether a layer's padding is 'same' (else 'valid'). */
    private static boolean samePadding(String name, JsonNode config) {
        String padding = config.path("padding").asText("valid");
        if (!padding.equals("same") && !padding.equals("valid")) {
            throw new IllegalArgumentException("Layer '%s' has unsupported padding '%s'".formatted(name, padding));
        }
        return padding.equals("same");
    }

    private NDArray vector(Weights.Weight weight) {
        return manager.create(weight.values());
    }

    private NDArray permuted(float[] values, long[] shape, int[] axes) {
        long[] permutedShape = new long[shape.length];
        for (int i = 0; i < axes.length; i++) {
            permutedShape[i] = shape[axes[i]];
        }
        long[] strides = stridesOf(shape);
        long[] permutedStrides = new long[shape.length];
        for (int i = 0; i < axes.length; i++) {
            permutedStrides[i] = strides[axes[i]];
        }
        float[] out = new float[values.length];
        int[] index = new int[shape.length];
        for (int i = 0; i < out.length; i++) {
            long source = 0;
            for (int d = 0; d < index.length; d++) {
                source += index[d] * permutedStrides[d];
            }
            out[i] = values[(int) source];
            for (int d = index.length - 1; d >= 0 && ++index[d] == permutedShape[d]; d--) {
                index[d] = 0;
            }
        }
        return manager.create(out, new Shape(permutedShape));
    }

    private static long[] stridesOf(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    private static int[] pair(JsonNode values) {
        if (values.isInt()) {
            return new int[] {values.asInt(), values.asInt()};
        }
        if (values.size() != 2) {
            throw new IllegalArgumentException("Expected two values, got " + values);
        }
        return new int[] {values.get(0).asInt(), values.get(1).asInt()};
    }

    private static void requireChannelsLast(String name, JsonNode config) {
        String format = config.path("data_format").asText("channels_last");
        if (!format.equals("channels_last")) {
            throw new IllegalArgumentException("Layer '%s' is %s; only channels_last is supported".formatted(name, format));
        }
    }
}
