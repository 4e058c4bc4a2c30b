package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiDatasetTest {

    private static final int PLANE = 32 * 32;

    @Test
    void transparentPixelsBecomeWhiteAndEachBlockOfFourIsAveraged(@TempDir Path data) throws IOException {
        var picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, 0xFF000000);
        picture.setRGB(1, 0, 0xFF000000);
        picture.setRGB(0, 1, 0xFFFF0000);
        picture.setRGB(1, 1, 0x00123456);
        writeEmoji(data, "twitter", "1f600.png", picture);
        writeEmoji(data, "google", "1f600.png", new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB));

        EmojiDataset dataset = EmojiDataset.load(data);
        float[] batch = new float[2 * EmojiDataset.IMAGE_FLOATS];
        dataset.copyBatch(new int[] {0, 1}, batch);

        assertEquals(2, dataset.size());
        assertEquals((0 + 0 + 255 + 255) / 4f / 127.5f - 1f, batch[0], 1e-6f);
        assertEquals((0 + 0 + 0 + 255) / 4f / 127.5f - 1f, batch[PLANE], 1e-6f);
        assertEquals(1f, batch[1], 1e-6f);
        assertEquals(1f, batch[EmojiDataset.IMAGE_FLOATS], 1e-6f);
    }

    @Test
    void missingDataPointsAtTheFetchScript(@TempDir Path data) {
        var missing = assertThrows(IOException.class, () -> EmojiDataset.load(data));

        assertEquals(true, missing.getMessage().contains("tools/fetch-emoji-data.sh"));
    }

    private static void writeEmoji(Path data, String set, String name, BufferedImage image) throws IOException {
        Path folder = Files.createDirectories(
                data.resolve("emoji-datasource-" + set).resolve("img").resolve(set).resolve("64"));
        ImageIO.write(image, "png", folder.resolve(name).toFile());
    }
}
