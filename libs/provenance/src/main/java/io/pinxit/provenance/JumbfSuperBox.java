package io.pinxit.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code jumb} superbox: a {@code jumd} description box (content type UUID and label) followed by child boxes.
 * C2PA identifies every part of a manifest store by these UUIDs and labels (C2PA 2.x §11.1 and Annex A).
 * A parsed superbox keeps the bytes it was read from, because hashed URIs cover those exact bytes (§8.4.2.3).
 */
record JumbfSuperBox(UUID contentType, String label, List<JumbfBox> children, byte[] encodedPayload)
        implements JumbfBox {

    static final String SUPERBOX = "jumb";
    static final String DESCRIPTION = "jumd";

    static final UUID MANIFEST_STORE = c2paUuid("c2pa");
    static final UUID MANIFEST = c2paUuid("c2ma");
    static final UUID ASSERTION_STORE = c2paUuid("c2as");
    static final UUID CLAIM = c2paUuid("c2cl");
    static final UUID SIGNATURE = c2paUuid("c2cs");
    static final UUID CBOR_ASSERTION = c2paUuid("cbor");
    static final UUID JSON_ASSERTION = c2paUuid("json");

    /** Toggles: requestable (0x01) and label present (0x02), as C2PA requires for every description box. */
    static final int REQUESTABLE_WITH_LABEL = 0x03;

    JumbfSuperBox {
        children = List.copyOf(children);
        encodedPayload = encodedPayload.clone();
    }

    JumbfSuperBox(UUID contentType, String label, List<JumbfBox> children) {
        this(contentType, label, children, encode(contentType, label, children));
    }

    /** C2PA's JUMBF type UUIDs are a four-character code followed by the ISO suffix 0011-0010-8000-00AA00389B71. */
    static UUID c2paUuid(String fourCharacterCode) {
        long high = Integer.toUnsignedLong(ByteBuffer.wrap(fourCharacterCode.getBytes(StandardCharsets.ISO_8859_1)).getInt());
        return new UUID((high << 32) | 0x0011_0010L, 0x8000_00AA_0038_9B71L);
    }

    @Override
    public String type() {
        return SUPERBOX;
    }

    @Override
    public byte[] payload() {
        return encodedPayload.clone();
    }

    private static byte[] encode(UUID contentType, String label, List<JumbfBox> children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(descriptionBox(contentType, label).toBytes());
        for (JumbfBox child : children) {
            out.writeBytes(child.toBytes());
        }
        return out.toByteArray();
    }

    private static JumbfContentBox descriptionBox(UUID contentType, String label) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        ByteBuffer description = ByteBuffer.allocate(16 + 1 + labelBytes.length + 1);
        description.putLong(contentType.getMostSignificantBits());
        description.putLong(contentType.getLeastSignificantBits());
        description.put((byte) REQUESTABLE_WITH_LABEL);
        description.put(labelBytes);
        description.put((byte) 0);
        return new JumbfContentBox(DESCRIPTION, description.array());
    }

    Optional<JumbfSuperBox> child(String childLabel) {
        return superBoxes().stream().filter(box -> box.label().equals(childLabel)).findFirst();
    }

    List<JumbfSuperBox> superBoxes() {
        return children.stream()
                .filter(JumbfSuperBox.class::isInstance)
                .map(JumbfSuperBox.class::cast)
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JumbfSuperBox box && Arrays.equals(box.encodedPayload, encodedPayload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encodedPayload);
    }

    @Override
    public String toString() {
        return "JumbfSuperBox[" + label + ", " + contentType + ", " + children.size() + " children]";
    }

    Optional<JumbfContentBox> content(String boxType) {
        return children.stream()
                .filter(JumbfContentBox.class::isInstance)
                .map(JumbfContentBox.class::cast)
                .filter(box -> box.type().equals(boxType))
                .findFirst();
    }
}
