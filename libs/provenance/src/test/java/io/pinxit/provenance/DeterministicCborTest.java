package io.pinxit.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upokecenter.cbor.CBORObject;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterministicCborTest {

    @Test
    void mapKeysAreSortedByTheirEncodedBytesWhateverTheInsertionOrder() {
        CBORObject map = CBORObject.NewOrderedMap().Add("bb", 1).Add("a", 2).Add(33, 3).Add(1, 4);

        // RFC 8949 §4.2.1: 1 (0x01) < 33 (0x18 21) < "a" (0x61 61) < "bb" (0x62 6262)
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(map)))
                .isEqualTo("a4" + "0104" + "182103" + "616102" + "62626201");
    }

    @Test
    void equalValuesEncodeToEqualBytesAtAnyDepth() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("z", List.of(Map.of("k", Map.of("y", 1L, "x", 2L))));
        first.put("a", "text");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("a", "text");
        second.put("z", List.of(Map.of("k", Map.of("x", 2L, "y", 1L))));

        assertThat(DeterministicCbor.encode(DeterministicCbor.fromJava(first)))
                .isEqualTo(DeterministicCbor.encode(DeterministicCbor.fromJava(second)));
    }

    @Test
    void integersUseTheShortestHead() {
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(CBORObject.FromObject(23L)))).isEqualTo("17");
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(CBORObject.FromObject(24L)))).isEqualTo("1818");
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(CBORObject.FromObject(-7L)))).isEqualTo("26");
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(CBORObject.FromObject(65536L)))).isEqualTo("1a00010000");
    }

    @Test
    void javaValuesSurviveARoundTrip() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("seed", 42L);
        value.put("guidance", 7.5);
        value.put("negative", false);
        value.put("tags", List.of("sun", "emoji"));
        value.put("nothing", null);

        Object back = DeterministicCbor.toJava(DeterministicCbor.decode(DeterministicCbor.encode(DeterministicCbor.fromJava(value))));

        assertThat(back).isEqualTo(value);
    }

    @Test
    void brokenCborIsReportedAsMalformed() {
        assertThatThrownBy(() -> DeterministicCbor.decode(new byte[] {(byte) 0xbf, 0x61}))
                .isInstanceOf(MalformedManifestException.class)
                .hasMessageStartingWith("invalid CBOR");
    }
}
