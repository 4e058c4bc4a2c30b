package io.pinxit.generation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AnimatedPngTest {

    @Test
    void framesBecomeOneLoopingApngWhoseDefaultImageIsTheFirstFrame() throws IOException {
        List<BufferedImage> frames = List.of(filled(Color.RED), filled(Color.GREEN), filled(Color.BLUE));

        byte[] apng = AnimatedPng.encode(frames, 250);

        List<AnimatedPng.Chunk> chunks = AnimatedPng.Chunk.readAll(apng);
        assertThat(chunks).extracting(AnimatedPng.Chunk::type).containsExactly(
                "IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND");
        ByteBuffer control = ByteBuffer.wrap(chunks.get(1).data());
        assertThat(control.getInt()).as("frames").isEqualTo(3);
        assertThat(control.getInt()).as("plays: forever").isZero();
        ByteBuffer firstFrame = ByteBuffer.wrap(chunks.get(2).data());
        assertThat(firstFrame.getInt()).as("sequence").isZero();
        assertThat(firstFrame.getInt()).isEqualTo(16);
        assertThat(firstFrame.getInt()).isEqualTo(8);
        firstFrame.getInt();
        firstFrame.getInt();
        assertThat(firstFrame.getShort()).as("delay numerator").isEqualTo((short) 250);
        assertThat(firstFrame.getShort()).as("delay denominator").isEqualTo((short) 1000);
        assertThat(ByteBuffer.wrap(chunks.get(4).data()).getInt()).isEqualTo(1);
        assertThat(ByteBuffer.wrap(chunks.get(5).data()).getInt()).isEqualTo(2);
        assertThat(ByteBuffer.wrap(chunks.get(6).data()).getInt()).isEqualTo(3);
        assertThat(ByteBuffer.wrap(chunks.get(7).data()).getInt()).isEqualTo(4);
        assertCrcsHold(apng);

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(apng));
        assertThat(shown.getWidth()).isEqualTo(16);
        assertThat(new Color(shown.getRGB(3, 3))).isEqualTo(Color.RED);
    }

    @Test
    void framesOfDifferentSizesAreRefused() {
        assertThatThrownBy(() -> AnimatedPng.encode(List.of(filled(Color.RED), new BufferedImage(8, 8,
                BufferedImage.TYPE_INT_RGB)), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Frame 1 is 8×8");
    }

    private static void assertCrcsHold(byte[] png) {
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] typeAndData = new byte[4 + length];
            buffer.get(typeAndData);
            var crc = new CRC32();
            crc.update(typeAndData);
            assertThat(buffer.getInt()).isEqualTo((int) crc.getValue());
        }
    }

    private static BufferedImage filled(Color color) {
        var image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 16, 8);
        graphics.dispose();
        return image;
    }
}
