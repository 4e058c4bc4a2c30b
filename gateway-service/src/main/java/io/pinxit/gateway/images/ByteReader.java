package io.pinxit.gateway.images;

import java.nio.charset.StandardCharsets;

/** Unsigned integers and tags in a byte array; callers check {@link #has} before each read. */
final class ByteReader {

    private ByteReader() {
    }

    /** Whether {@code length} bytes from {@code offset} lie inside the array (overflow-safe). */
    static boolean has(byte[] bytes, long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= bytes.length - length;
    }

    static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xff;
    }

    static int u16(byte[] bytes, int offset, boolean bigEndian) {
        int first = u8(bytes, offset);
        int second = u8(bytes, offset + 1);
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    static int u24le(byte[] bytes, int offset) {
        return u8(bytes, offset + 2) << 16 | u8(bytes, offset + 1) << 8 | u8(bytes, offset);
    }

    static long u32(byte[] bytes, int offset, boolean bigEndian) {
        long high = u16(bytes, bigEndian ? offset : offset + 2, bigEndian);
        long low = u16(bytes, bigEndian ? offset + 2 : offset, bigEndian);
        return high << 16 | low;
    }

    static boolean isAscii(byte[] bytes, int offset, String tag) {
        byte[] expected = tag.getBytes(StandardCharsets.ISO_8859_1);
        if (!has(bytes, offset, expected.length)) {
            return false;
        }
        for (int index = 0; index < expected.length; index++) {
            if (bytes[offset + index] != expected[index]) {
                return false;
            }
        }
        return true;
    }
}
