package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void textIsHashedAsUtf8AndWrittenAsLowerCaseHex() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(Sha256.hex(new byte[] {'a', 'b', 'c'}));
    }
}
