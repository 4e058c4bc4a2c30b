package io.pinxit.inference.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The named weights of a layers model, decoded from its weight shards the way TF.js decodes them. Each
 * layer takes its own weights; weights that no layer took mean the topology was misread.
 */
final class Weights {

    private final Map<String, Weight> byName;

    private Weights(Map<String, Weight> byName) {
        this.byName = byName;
    }

    /** One weight: its values in TF.js's (row-major) order and its shape. */
    record Weight(float[] values, long[] shape) {}

    /**
     * Decodes every weight in a {@code weightsManifest}. The shards of a group are concatenated in the
     * listed order and the group's weights read from them one after the other.
     */
    static Weights decode(JsonNode manifest, Map<String, byte[]> shards) {
        Map<String, Weight> byName = new HashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer bytes = ByteBuffer.wrap(concatenated(group.path("paths"), shards)).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                byName.put(spec.path("name").asText(), read(spec, bytes));
            }
            if (bytes.hasRemaining()) {
                throw new IllegalArgumentException("%d bytes of %s are not described by the manifest"
                        .formatted(bytes.remaining(), group.path("paths")));
            }
        }
        return new Weights(byName);
    }

    /** Removes and returns the weight {@code layer/name}. */
    Weight take(String layer, String name) {
        Weight weight = byName.remove(layer + "/" + name);
        if (weight == null) {
            throw new IllegalArgumentException("Layer '%s' needs weight '%s', which the manifest does not list"
                    .formatted(layer, name));
        }
        return weight;
    }

    void requireAllTaken() {
        if (!byName.isEmpty()) {
            throw new IllegalArgumentException("No layer uses the weights " + new TreeSet<>(byName.keySet()));
        }
    }

    private static byte[] concatenated(JsonNode paths, Map<String, byte[]> shards) {
        var out = new ByteArrayOutputStream();
        for (JsonNode path : paths) {
            byte[] shard = shards.get(path.asText());
            if (shard == null) {
                throw new IllegalArgumentException("Weight shard '%s' was not provided".formatted(path.asText()));
            }
            out.writeBytes(shard);
        }
        return out.toByteArray();
    }

    private static Weight read(JsonNode spec, ByteBuffer bytes) {
        long[] shape = new long[spec.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.path("shape").get(i).asLong();
            count *= shape[i];
        }
        if (!"float32".equals(spec.path("dtype").asText())) {
            throw new IllegalArgumentException("Weight '%s' is %s; only float32 weights are supported"
                    .formatted(spec.path("name").asText(), spec.path("dtype").asText()));
        }
        float[] values = new float[Math.toIntExact(count)];
        JsonNode quantization = spec.path("quantization");
        if (quantization.isMissingNode()) {
            bytes.asFloatBuffer().get(values);
            bytes.position(bytes.position() + values.length * Float.BYTES);
        } else {
            dequantize(quantization, bytes, values, spec.path("name").asText());
        }
        return new Weight(values, shape);
    }

    // TF.js computes q * scale + min in double precision and stores the result as float32.
    private static void dequantize(JsonNode quantization, ByteBuffer bytes, float[] values, String name) {
        double scale = quantization.path("scale").asDouble();
        double min = quantization.path("min").asDouble();
        switch (quantization.path("dtype").asText()) {
            case "uint8" -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (Byte.toUnsignedInt(bytes.get()) * scale + min);
                }
            }
            case "uint16" -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (Short.toUnsignedInt(bytes.getShort()) * scale + min);
                }
            }
            default -> throw new IllegalArgumentException("Weight '%s' uses unsupported quantization %s"
                    .formatted(name, quantization.path("dtype").asText()));
        }
    }
}
