package io.pinxit.training;

import io.pinxit.contracts.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Features kept in a folder under a key naming exactly what was computed, the extractor's description and the
 * pictures' pixels, so that a rerun over the same real pictures skips the network.
 */
final class FeatureCache {

    private final Path folder;

    FeatureCache(Path folder) {
        this.folder = folder;
    }

    float[] computeIfAbsent(String extractor, List<BufferedImage> pictures, Function<List<BufferedImage>, float[]> compute)
            throws IOException {
        Path file = folder.resolve("features-" + key(extractor, pictures) + ".f32");
        if (Files.exists(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] features = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(features);
            return features;
        }
        float[] features = compute.apply(pictures);
        ByteBuffer bytes = ByteBuffer.allocate(features.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(features);
        Files.createDirectories(folder);
        Path partial = Files.write(folder.resolve(file.getFileName() + ".partial"), bytes.array());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return features;
    }

    static String key(String extractor, List<BufferedImage> pictures) {
        var content = new ByteArrayOutputStream();
        content.writeBytes(extractor.getBytes(StandardCharsets.UTF_8));
        for (BufferedImage picture : pictures) {
            int[] argb = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
            ByteBuffer bytes = ByteBuffer.allocate(8 + argb.length * Integer.BYTES);
            bytes.putInt(picture.getWidth()).putInt(picture.getHeight()).asIntBuffer().put(argb);
            content.writeBytes(bytes.array());
        }
        return Sha256.hex(content.toByteArray());
    }
}
