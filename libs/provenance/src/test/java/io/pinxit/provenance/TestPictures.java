package io.pinxit.provenance;

import io.pinxit.provenance.ManifestContent.Action;
import io.pinxit.provenance.ManifestContent.Author;
import io.pinxit.provenance.ManifestContent.Credit;
import io.pinxit.provenance.ManifestContent.SoftwareAgent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Pictures and manifest content made by the tests themselves. */
final class TestPictures {

    private TestPictures() {
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xff000000 | (x * 255 / width) << 16 | (y * 255 / height) << 8 | (x ^ y) & 0xff);
            }
        }
        return encode(image);
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] pixels(byte[] png) {
        BufferedImage image = decode(png);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static ManifestContent generatedPicture() {
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("modelId", "dcgan-emoji");
        generation.put("modelVersion", "1.0.0");
        generation.put("weightsSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        generation.put("parameters", Map.of("style", "twemoji", "steps", 2000L));
        generation.put("seed", 42L);
        generation.put("jobId", "01HZX3J7Q2M4Y8V6T5R9K0N1BC");
        return new ManifestContent(
                "Smiling sun",
                Optional.of(new Author("Ada Lovelace", Optional.of("https://orcid.org/0000-0002-1825-0097"))),
                Optional.of("CC-BY-4.0"),
                ManifestContent.TRAINED_ALGORITHMIC_MEDIA,
                new SoftwareAgent("Pinxit", "0.1.0"),
                List.of(Action.created()),
                List.of(),
                generation,
                List.of(new Credit("Twemoji", "Twitter, Inc and other contributors", "CC-BY-4.0")));
    }
}
