package io.pinxit.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification, so that its libraries verify what Pinxit signs. */
    @Test
    void theSpecificationsExampleIsSignedAsItSays() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretHas256RandomBitsAndThePrefix() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(
                WebhookSignature.newSecret());
    }
}
