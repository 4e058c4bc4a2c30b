package io.pinxit.inference.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinxit.contracts.Sha256;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs pictures through one of nsfwjs's models on TensorFlow.js itself (pure-JS CPU backend, pinned with
 * nsfwjs in src/test/node) in Node, after installing the locked packages into target/ once. Needs {@code node}
 * and {@code npm} on the PATH and fails, rather than skips, without them.
 */
final class NsfwjsReference {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path REFERENCE = Path.of("target", "tfjs-reference");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "nsfwjs-reference.mjs");

    private NsfwjsReference() {}

    /**
     * Per picture, {@code probabilities} (the 5 classes) and {@code features} (layer flatten_1) as TF.js computes
     * them with nsfwjs's model {@code modelName} (e.g. InceptionV3), resizing as nsfwjs does. Kept in target/ by the
     * pictures' digest: the reference does not depend on the kernels under test, which the build runs several times.
     */
    static JsonNode outputs(String modelName, List<BufferedImage> pictures, int timeoutSeconds) throws Exception {
        install();
        var digest = new StringBuilder(modelName);
        List<byte[]> rgb = new ArrayList<>();
        for (BufferedImage picture : pictures) {
            rgb.add(rgbBytes(picture));
            digest.append('/').append(picture.getWidth()).append('x').append(picture.getHeight()).append(':')
                    .append(Sha256.hex(rgb.get(rgb.size() - 1)));
        }
        Path results = REFERENCE.resolve(modelName + "-" + Sha256.hex(digest.toString()).substring(0, 16) + "-results.json");
        if (!Files.exists(results)) {
            List<String> command = new ArrayList<>(List.of("node", "nsfwjs-reference.mjs", "--model=" + modelName,
                    results.getFileName().toString()));
            for (int i = 0; i < pictures.size(); i++) {
                String file = modelName + "-picture-" + i + ".rgb";
                Files.write(REFERENCE.resolve(file), rgb.get(i));
                command.addAll(List.of(String.valueOf(pictures.get(i).getWidth()),
                        String.valueOf(pictures.get(i).getHeight()), file));
            }
            run(command, timeoutSeconds);
        }
        return new ObjectMapper().readTree(results.toFile());
    }

    /** The index of the most probable class. */
    static int topClass(float[] probabilities) {
        int top = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[top]) {
                top = i;
            }
        }
        return top;
    }

    static float[] floats(JsonNode values) {
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) values.get(i).asDouble();
        }
        return floats;
    }

    private static void install() throws Exception {
        Files.createDirectories(REFERENCE);
        boolean lockChanged = !Files.exists(REFERENCE.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), REFERENCE.resolve("package-lock.json")) >= 0;
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), REFERENCE.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.exists(REFERENCE.resolve("node_modules/nsfwjs/package.json"))) {
            run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), 300);
        }
    }

    private static void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = REFERENCE.resolve("node.log");
        Process process = new ProcessBuilder(command).directory(REFERENCE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " timed out");
        }
        assertThat(process.exitValue()).as("%s exit status; output:%n%s", command, Files.readString(log)).isZero();
    }

    private static byte[] rgbBytes(BufferedImage picture) {
        byte[] bytes = new byte[picture.getWidth() * picture.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                bytes[i++] = (byte) (rgb >> 16);
                bytes[i++] = (byte) (rgb >> 8);
                bytes[i++] = (byte) rgb;
            }
        }
        return bytes;
    }
}
