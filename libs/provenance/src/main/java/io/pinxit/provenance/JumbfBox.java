package io.pinxit.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An ISO/IEC 19566-5 (JUMBF) box: a JUMBF superbox or one of the content boxes C2PA puts inside superboxes. */
sealed interface JumbfBox permits JumbfSuperBox, JumbfContentBox {

    /** Size of the LBox and TBox fields that start every box. */
    int HEADER_LENGTH = 8;

    String type();

    /** Everything after the box header. */
    byte[] payload();

    default byte[] toBytes() {
        byte[] payload = payload();
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + HEADER_LENGTH);
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length + HEADER_LENGTH).array());
        out.writeBytes(type().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
