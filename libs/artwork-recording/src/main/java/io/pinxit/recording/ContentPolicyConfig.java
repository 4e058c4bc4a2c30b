package io.pinxit.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This deployment's content policy: the thresholds {@link ContentPolicy} holds the classifier's probabilities against.
 * The defaults, and the pictures they were measured on, are in docs/content-policy.md.
 */
@ConfigMapping(prefix = "pinxit.content-policy")
public interface ContentPolicyConfig {

    /** A picture is blurred in the gallery when it is explicit or suggestive (porn + hentai + sexy) this likely. */
    @WithDefault("0.8")
    double blurAt();

    /** An upload is refused, and a made picture hidden until a reviewer decides, when explicit (porn + hentai) this likely. */
    @WithDefault("0.97")
    double refuseAt();
}
