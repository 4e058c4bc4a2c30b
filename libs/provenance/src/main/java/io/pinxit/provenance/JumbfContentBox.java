package io.pinxit.provenance;

import java.util.Arrays;

/** A leaf box such as {@code cbor} or {@code json} holding an assertion's, claim's or signature's bytes. */
record JumbfContentBox(String type, byte[] payload) implements JumbfBox {

    static final String CBOR = "cbor";
    static final String JSON = "json";

    JumbfContentBox {
        if (type.length() != 4) {
            throw new IllegalArgumentException("box type must have four characters: " + type);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JumbfContentBox box && box.type.equals(type) && Arrays.equals(box.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "JumbfContentBox[" + type + ", " + payload.length + " bytes]";
    }
}
