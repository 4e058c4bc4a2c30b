package io.pinxit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailRendererTest {

    @Test
    void aLargePictureIsFittedIntoTheSquareKeepingItsShapeAndColours() throws IOException {
        var rendered = ThumbnailRenderer.render(png(1024, 512, Color.ORANGE));

        assertThat(rendered.width()).isEqualTo(256);
        assertThat(rendered.height()).isEqualTo(128);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(rendered.png()));
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(new Color(thumbnail.getRGB(100, 60))).isEqualTo(Color.ORANGE);
    }

    @Test
    void aSmallPictureKeepsItsPixels() throws IOException {
        var rendered = ThumbnailRenderer.render(png(32, 32, Color.BLUE));

        assertThat(rendered.width()).isEqualTo(32);
        assertThat(rendered.height()).isEqualTo(32);
        assertThat(new Color(ImageIO.read(new ByteArrayInputStream(rendered.png())).getRGB(5, 5))).isEqualTo(Color.BLUE);
    }

    private static byte[] png(int width, int height, Color colour) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
