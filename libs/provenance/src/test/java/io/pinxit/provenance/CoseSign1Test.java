package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoseSign1Test {

    private static final byte[] CLAIM = "the claim's CBOR".getBytes(StandardCharsets.UTF_8);

    @Test
    void aClaimSignatureIsATaggedCoseSign1WithDetachedPayloadAndRawEs256Signature() throws Exception {
        byte[] bytes = CoseSign1.sign(CLAIM, SigningFixture.CREDENTIALS).toBytes();

        CBORObject message = CBORObject.DecodeFromBytes(bytes);
        assertThat(message.getMostOuterTag().ToInt32Checked()).isEqualTo(18);
        CBORObject array = message.Untag();
        assertThat(array.size()).isEqualTo(4);
        assertThat(array.get(1).getType()).isEqualTo(CBORType.Map);
        assertThat(array.get(2).isNull()).as("detached payload").isTrue();
        assertThat(array.get(3).GetByteString()).hasSize(64);
    }

    @Test
    void theProtectedHeaderNamesEs256AndCarriesTheWholeChainAsX5chain() throws Exception {
        byte[] bytes = CoseSign1.sign(CLAIM, SigningFixture.CREDENTIALS).toBytes();

        CBORObject header = CBORObject.DecodeFromBytes(CBORObject.DecodeFromBytes(bytes).Untag().get(0).GetByteString());
        assertThat(header.get(1).AsInt32()).isEqualTo(-7);
        CBORObject x5chain = header.get(33);
        assertThat(x5chain.size()).isEqualTo(2);
        assertThat(x5chain.get(0).GetByteString()).isEqualTo(SigningFixture.CREDENTIALS.chain().get(0).getEncoded());
        assertThat(x5chain.get(1).GetByteString()).isEqualTo(SigningFixture.CREDENTIALS.chain().get(1).getEncoded());
    }

    @Test
    void theSignatureVerifiesOverTheClaimAndNothingElse() throws Exception {
        CoseSign1 parsed = CoseSign1.parse(CoseSign1.sign(CLAIM, SigningFixture.CREDENTIALS).toBytes());

        assertThat(parsed.verifies(CLAIM)).isTrue();
        assertThat(parsed.verifies("another claim".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(parsed.chain()).isEqualTo(SigningFixture.CREDENTIALS.chain());
    }

    @Test
    void anUntaggedMessageIsRejected() {
        byte[] untagged = DeterministicCbor.encode(CBORObject.NewArray());

        assertThatThrownBy(() -> CoseSign1.parse(untagged))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageContaining("tag 18");
    }
}
