package io.pinxit.recording;

import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Moderation;
import io.pinxit.inference.ModelCard;
import java.util.Map;

/**
 * What the gallery does with a picture, from the probabilities the content classifier gives its classes: hidden when
 * explicit (porn + hentai) at least {@code refuseAt}, else blurred when explicit or suggestive (+ sexy) at least
 * {@code blurAt}, else shown. Drawings and neutral pictures count towards neither.
 */
public record ContentPolicy(double blurAt, double refuseAt) {

    public ContentPolicy {
        if (!(blurAt > 0 && blurAt <= 1 && refuseAt > 0 && refuseAt <= 1)) {
            throw new IllegalArgumentException(
                    "Content policy thresholds must be above 0 and at most 1, not blur at %s and refuse at %s"
                            .formatted(blurAt, refuseAt));
        }
    }

    public static ContentPolicy of(ContentPolicyConfig config) {
        return new ContentPolicy(config.blurAt(), config.refuseAt());
    }

    /** The policy's decision on a picture the classifier {@code classifier} gave these class probabilities. */
    public ContentCheck check(ModelCard classifier, Map<String, Float> scores) {
        double explicit = explicit(scores);
        Moderation decision = explicit >= refuseAt ? Moderation.HIDDEN
                : explicit + score(scores, "sexy") >= blurAt ? Moderation.BLURRED
                : Moderation.SHOWN;
        return new ContentCheck(classifier.id(), classifier.version(), scores, blurAt, refuseAt, decision);
    }

    /** How likely the classifier finds a picture explicit: porn + hentai. */
    static double explicit(Map<String, Float> scores) {
        return score(scores, "porn") + score(scores, "hentai");
    }

    private static double score(Map<String, Float> scores, String label) {
        Float score = scores.get(label);
        if (score == null) {
            throw new IllegalArgumentException("The content classifier gives no probability for " + label);
        }
        return score;
    }
}
