package io.pinxit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Moderation;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelCard;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentPolicyTest {

    private static final ModelCard CLASSIFIER =
            ModelCatalog.fromClasspath().find(ArtworkScreening.CLASSIFIER_MODEL).orElseThrow();
    private final ContentPolicy policy = new ContentPolicy(0.6, 0.9);

    @Test
    void drawingsAndNeutralPicturesAreShownHoweverSureTheClassifierIs() {
        assertThat(policy.check(CLASSIFIER, scores(0.5f, 0, 0.5f, 0, 0)).decision()).isEqualTo(Moderation.SHOWN);
        assertThat(policy.check(CLASSIFIER, scores(0, 0, 0.41f, 0.3f, 0.29f)).decision())
                .isEqualTo(Moderation.SHOWN);
    }

    @Test
    void explicitAndSuggestiveTogetherAtTheBlurThresholdAreBlurred() {
        assertThat(policy.check(CLASSIFIER, scores(0, 0, 0.4f, 0.3f, 0.3f)).decision()).isEqualTo(Moderation.BLURRED);
        assertThat(policy.check(CLASSIFIER, scores(0, 0, 0.2f, 0, 0.8f)).decision()).isEqualTo(Moderation.BLURRED);
    }

    @Test
    void explicitAtTheRefusalThresholdIsHiddenButSuggestiveAloneNeverIs() {
        assertThat(policy.check(CLASSIFIER, scores(0, 0.5f, 0.05f, 0.4f, 0.05f)).decision())
                .isEqualTo(Moderation.HIDDEN);
        assertThat(policy.check(CLASSIFIER, scores(0, 0, 0, 0, 1)).decision()).isEqualTo(Moderation.BLURRED);
    }

    @Test
    void theCheckRecordsTheClassifierItsScoresAndThePolicy() {
        ContentCheck check = policy.check(CLASSIFIER, scores(0.9f, 0, 0.1f, 0, 0));

        assertThat(check.model()).isEqualTo("nsfwjs-mobilenet-v2");
        assertThat(check.modelVersion()).isEqualTo(CLASSIFIER.version());
        assertThat(check.scores()).containsEntry("drawing", 0.9f).hasSize(5);
        assertThat(check.blurAt()).isEqualTo(0.6);
        assertThat(check.refuseAt()).isEqualTo(0.9);
    }

    @Test
    void thresholdsOutsideZeroToOneAndMissingClassesAreRefused() {
        assertThatThrownBy(() -> new ContentPolicy(0, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentPolicy(0.5, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.check(CLASSIFIER, Map.of("neutral", 1f)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("porn");
    }

    private static Map<String, Float> scores(float drawing, float hentai, float neutral, float porn, float sexy) {
        return Map.of("drawing", drawing, "hentai", hentai, "neutral", neutral, "porn", porn, "sexy", sexy);
    }
}
