package io.pinxit.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.gan.Dcgan32;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.PictureTensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The emoji pictures as training tensors: each 64×64 PNG is composited onto white, shrunk to 32×32 by
 * averaging 2×2 blocks (exact and deterministic, unlike a scaler's filtering) and scaled to [-1, 1],
 * stored channel-first: {@link PictureTensor}, the preparation a VAE applies to the pictures it encodes.
 */
final class EmojiDataset {

    static final List<String> SETS = List.of("twitter", "google");
    private static final int SOURCE_SIZE = 64;
    static final int SIZE = Dcgan32.IMAGE_SIZE;
    static final int IMAGE_FLOATS = PictureTensor.FLOATS;

    private final float[] pixels;
    private final List<Path> files;

    private EmojiDataset(float[] pixels, List<Path> files) {
        this.pixels = pixels;
        this.files = List.copyOf(files);
    }

    /** Reads {@code <dataDir>/emoji-datasource-<set>/img/<set>/64/*.png} for both sets, in file-name order. */
    static EmojiDataset load(Path dataDir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String set : SETS) {
            Path folder = dataDir.resolve("emoji-datasource-" + set).resolve("img").resolve(set).resolve("64");
            if (!Files.isDirectory(folder)) {
                throw new IOException("No emoji images in " + folder + "; run tools/fetch-emoji-data.sh first");
            }
            try (Stream<Path> pngs = Files.list(folder)) {
                pngs.filter(path -> path.getFileName().toString().endsWith(".png")).sorted().forEach(files::add);
            }
        }
        float[] pixels = new float[files.size() * IMAGE_FLOATS];
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image = ImageIO.read(files.get(i).toFile());
            if (image == null || image.getWidth() != SOURCE_SIZE || image.getHeight() != SOURCE_SIZE) {
                throw new IOException("Not a " + SOURCE_SIZE + "×" + SOURCE_SIZE + " PNG: " + files.get(i));
            }
            PictureTensor.write(image, pixels, i * IMAGE_FLOATS);
        }
        return new EmojiDataset(pixels, files);
    }

    int size() {
        return files.size();
    }

    /** The PNG each image was read from, in dataset order. */
    List<Path> files() {
        return files;
    }

    /** The images at {@code indices} as 32×32 pictures, prepared as for training. */
    List<BufferedImage> pictures(int[] indices) {
        float[] tensors = new float[indices.length * IMAGE_FLOATS];
        copyBatch(indices, tensors);
        try (NDManager manager = NDManager.newBaseManager()) {
            return GanTranslator.toImages(manager.create(tensors, new Shape(indices.length, 3, SIZE, SIZE)));
        }
    }

    /** Copies the images at {@code indices} into {@code batch}, one after another. */
    void copyBatch(int[] indices, float[] batch) {
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * IMAGE_FLOATS, batch, i * IMAGE_FLOATS, IMAGE_FLOATS);
        }
    }
}
