package io.pinxit.provenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads JUMBF box trees from untrusted bytes: every length is checked against its enclosing box, nesting is bounded. */
final class JumbfParser {

    private static final int MAX_DEPTH = 16;
    private static final int UUID_LENGTH = 16;

    private JumbfParser() {
    }

    /** Parses bytes that must hold exactly one superbox. */
    static JumbfSuperBox parseSuperBox(byte[] bytes) throws MalformedManifestException {
        List<JumbfBox> boxes = parseBoxes(bytes, 0, bytes.length, 0);
        if (boxes.size() != 1 || !(boxes.get(0) instanceof JumbfSuperBox superBox)) {
            throw new MalformedManifestException("the manifest store is not a single JUMBF superbox");
        }
        return superBox;
    }

    private static List<JumbfBox> parseBoxes(byte[] bytes, int from, int to, int depth) throws MalformedManifestException {
        if (depth > MAX_DEPTH) {
            throw new MalformedManifestException("JUMBF boxes are nested deeper than " + MAX_DEPTH + " levels");
        }
        List<JumbfBox> boxes = new ArrayList<>();
        int offset = from;
        while (offset < to) {
            if (to - offset < JumbfBox.HEADER_LENGTH) {
                throw new MalformedManifestException("truncated JUMBF box header at offset " + offset);
            }
            long declared = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, offset, 4).getInt());
            String type = new String(bytes, offset + 4, 4, StandardCharsets.ISO_8859_1);
            int headerLength = JumbfBox.HEADER_LENGTH;
            long boxLength;
            if (declared == 0) {
                boxLength = to - offset; // ISO/IEC 15444-1 I.4: the box extends to the end of its container
            } else if (declared == 1) {
                if (to - offset < 16) {
                    throw new MalformedManifestException("truncated JUMBF extended box length at offset " + offset);
                }
                boxLength = ByteBuffer.wrap(bytes, offset + 8, 8).getLong();
                headerLength = 16;
            } else {
                boxLength = declared;
            }
            if (boxLength < headerLength || boxLength > to - offset) {
                throw new MalformedManifestException("JUMBF box '" + printable(type) + "' at offset " + offset
                        + " declares length " + boxLength + ", outside its container");
            }
            int payloadStart = offset + headerLength;
            int end = (int) (offset + boxLength);
            if (type.equals(JumbfSuperBox.SUPERBOX)) {
                boxes.add(superBox(bytes, payloadStart, end, depth));
            } else {
                boxes.add(new JumbfContentBox(type, Arrays.copyOfRange(bytes, payloadStart, end)));
            }
            offset = end;
        }
        return boxes;
    }

    private static JumbfSuperBox superBox(byte[] bytes, int from, int to, int depth) throws MalformedManifestException {
        List<JumbfBox> children = parseBoxes(bytes, from, to, depth + 1);
        if (children.isEmpty() || !(children.get(0) instanceof JumbfContentBox description)
                || !description.type().equals(JumbfSuperBox.DESCRIPTION)) {
            throw new MalformedManifestException("JUMBF superbox at offset " + from + " does not start with a description box");
        }
        byte[] fields = description.payload();
        if (fields.length < UUID_LENGTH + 1) {
            throw new MalformedManifestException("JUMBF description box at offset " + from + " is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(fields);
        UUID contentType = new UUID(buffer.getLong(), buffer.getLong());
        int toggles = buffer.get() & 0xff;
        String label = "";
        if ((toggles & 0x02) != 0) {
            int terminator = UUID_LENGTH + 1;
            while (terminator < fields.length && fields[terminator] != 0) {
                terminator++;
            }
            if (terminator == fields.length) {
                throw new MalformedManifestException("JUMBF description box label at offset " + from + " is not terminated");
            }
            label = new String(fields, UUID_LENGTH + 1, terminator - UUID_LENGTH - 1, StandardCharsets.UTF_8);
        }
        return new JumbfSuperBox(contentType, label, children.subList(1, children.size()), Arrays.copyOfRange(bytes, from, to));
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "?";
    }
}
