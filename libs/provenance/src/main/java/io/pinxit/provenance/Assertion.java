package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import java.util.List;

/** One assertion box of the assertion store, labelled e.g. {@code c2pa.actions.v2}, holding CBOR or JSON-LD. */
record Assertion(String label, JumbfSuperBox box) {

    static Assertion cbor(String label, CBORObject value) {
        return new Assertion(label, new JumbfSuperBox(JumbfSuperBox.CBOR_ASSERTION, label,
                List.of(new JumbfContentBox(JumbfContentBox.CBOR, DeterministicCbor.encode(value)))));
    }

    static Assertion json(String label, byte[] json) {
        return new Assertion(label, new JumbfSuperBox(JumbfSuperBox.JSON_ASSERTION, label,
                List.of(new JumbfContentBox(JumbfContentBox.JSON, json))));
    }

    CBORObject cborValue() throws MalformedManifestException {
        return DeterministicCbor.decode(content(JumbfContentBox.CBOR));
    }

    byte[] jsonValue() throws MalformedManifestException {
        return content(JumbfContentBox.JSON);
    }

    private byte[] content(String type) throws MalformedManifestException {
        return box.content(type)
                .orElseThrow(() -> new MalformedManifestException("assertion " + label + " has no " + type + " content box"))
                .payload();
    }
}
