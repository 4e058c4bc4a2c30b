package io.pinxit.style;

import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.inference.PngEncoding;
import io.pinxit.storage.ObjectStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/** Pictures made by the tests, stored as the gateway stores uploads; objects read back from the store. */
final class TestPictures {

    private TestPictures() {
    }

    /** A picture as the gateway stores an upload: a metadata-free PNG, content-addressed. */
    static UploadedImage upload(ObjectStore store, BufferedImage picture) {
        byte[] png = PngEncoding.encode(picture);
        var stored = store.putContentAddressed(png, "image/png", "png");
        return new UploadedImage(Sha256.hex(png), stored.key(), stored.sha256(), picture.getWidth(),
                picture.getHeight());
    }

    static byte[] stored(ObjectStore store, String key) throws IOException {
        try (InputStream stored = store.open(key)) {
            return stored.readAllBytes();
        }
    }

    static BufferedImage landscape(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(new Color(120, 180, 240));
        graphics.fillRect(0, 0, width, height / 2);
        graphics.setColor(new Color(60, 140, 60));
        graphics.fillRect(0, height / 2, width, height - height / 2);
        graphics.setColor(Color.YELLOW);
        graphics.fillOval(width / 4, height / 8, width / 5, width / 5);
        graphics.dispose();
        return picture;
    }

    static BufferedImage stripes(int side) {
        var picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                picture.setRGB(x, y, ((x + y) / 4) % 2 == 0 ? 0xd03020 : 0x202080);
            }
        }
        return picture;
    }
}
