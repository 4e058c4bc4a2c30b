package io.pinxit.jobevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.contracts.JobProgress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProgressPreviewTest {

    @Test
    void aLargePictureIsScaledDownToThePreviewSideKeepingItsShape() throws Exception {
        var picture = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0xff0000);

        String preview = ProgressPreview.of(picture);

        var decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(preview)));
        assertThat(decoded.getWidth()).isEqualTo(JobProgress.MAX_PREVIEW_SIDE);
        assertThat(decoded.getHeight()).isEqualTo(JobProgress.MAX_PREVIEW_SIDE / 2);
        assertThat(preview.length()).isLessThanOrEqualTo(JobProgress.MAX_PREVIEW_CHARS);
    }

    @Test
    void aSmallPictureIsKeptAtItsSize() throws Exception {
        var picture = new BufferedImage(20, 30, BufferedImage.TYPE_INT_ARGB);

        var decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(ProgressPreview.of(picture))));

        assertThat(decoded.getWidth()).isEqualTo(20);
        assertThat(decoded.getHeight()).isEqualTo(30);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
    }
}
