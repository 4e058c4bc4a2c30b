package io.pinxit.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeySecretsTest {

    @Test
    void aNewSecretLooksLikeAKeyAndIsNeverRepeated() {
        String first = KeySecrets.newSecret();

        assertThat(KeySecrets.looksLikeKey(first)).isTrue();
        assertThat(first).startsWith("pxk_").isNotEqualTo(KeySecrets.newSecret());
    }

    @Test
    void otherTokensDoNotLookLikeKeys() {
        assertThat(KeySecrets.looksLikeKey("pxk_short")).isFalse();
        assertThat(KeySecrets.looksLikeKey("eyJhbGciOiJIUzI1NiJ9.e30.signature-of-a-jwt-token-here")).isFalse();
    }

    @Test
    void theHashIsHexSha256() {
        assertThat(KeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
