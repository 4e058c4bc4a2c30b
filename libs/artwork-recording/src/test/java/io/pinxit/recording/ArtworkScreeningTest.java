package io.pinxit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.catalog.Moderation;
import io.pinxit.inference.PngEncoding;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped classifier screening real pictures. The flower is one of the licensed training photographs, which the
 * classifier scores porn 0.82 (docs/content-policy.md): a false positive that the default policy blurs, and that a
 * stricter deployment refuses as an upload.
 */
class ArtworkScreeningTest {

    private static BufferedImage flower;
    private static ArtworkScreening defaults;
    private static ArtworkScreening strict;

    private record Thresholds(double blurAt, double refuseAt) implements ContentPolicyConfig {
    }

    @BeforeAll
    static void loadTheClassifier() throws IOException {
        flower = ImageIO.read(Path.of("..", "..", "models", "style-training-photos", "yellow-flower.jpg").toFile());
        defaults = new ArtworkScreening(new Thresholds(0.8, 0.97));
        strict = new ArtworkScreening(new Thresholds(0.5, 0.7));
    }

    @AfterAll
    static void close() {
        defaults.close();
        strict.close();
    }

    @Test
    void eachPictureGetsItsEmbeddingAndThePolicysDecisionOnItsScores() {
        List<ArtworkScreening.Screened> screened = defaults.screenAll(List.of(PngEncoding.encode(drawing()),
                PngEncoding.encode(flower)));

        assertThat(screened).hasSize(2);
        assertThat(screened.get(0).embedding().vector()).hasSize(1280);
        assertThat(screened.get(0).check().decision()).isEqualTo(Moderation.SHOWN);
        assertThat(screened.get(1).check().decision()).isEqualTo(Moderation.BLURRED);
        assertThat(screened.get(1).check().scores().get("porn")).isGreaterThan(0.7f);
        assertThat(screened.get(1).check().model()).isEqualTo("nsfwjs-mobilenet-v2");
    }

    @Test
    void anUploadIsRefusedOnlyWhenItsExplicitScoreReachesThePolicysThreshold() {
        assertThatCode(() -> defaults.requireAllowed(flower, "content picture")).doesNotThrowAnyException();

        assertThatThrownBy(() -> strict.requireAllowed(flower, "content picture (uploaded picture)"))
                .isInstanceOf(RefusedPictureException.class)
                .hasMessageContaining("The content picture (uploaded picture) was refused")
                .hasMessageContaining("at or above the policy's 0.70");
        assertThatCode(() -> strict.requireAllowed(drawing(), "style picture")).doesNotThrowAnyException();
    }

    private static BufferedImage drawing() {
        var picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 64, 64);
        graphics.setColor(Color.BLUE);
        graphics.drawOval(8, 8, 48, 48);
        graphics.drawLine(8, 56, 56, 8);
        graphics.dispose();
        return picture;
    }
}
