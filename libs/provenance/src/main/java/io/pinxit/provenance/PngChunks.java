package io.pinxit.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/** The chunk layout of a PNG file (PNG spec §5), enough to add and remove ancillary chunks without decoding pixels. */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Length, type and CRC fields around every chunk's data. */
    static final int CHUNK_OVERHEAD = 12;
    static final String MANIFEST_CHUNK = "caBX";
    static final String XMP_KEYWORD = "XML:com.adobe.xmp";

    private final byte[] file;
    private final List<Chunk> chunks;

    private PngChunks(byte[] file, List<Chunk> chunks) {
        this.file = file;
        this.chunks = chunks;
    }

    /**
     * One chunk as found in a file.
     *
     * @param start offset of the chunk's length field in the file
     */
    record Chunk(String type, int start, int dataLength) {
        int dataStart() {
            return start + 8;
        }

        int totalLength() {
            return dataLength + CHUNK_OVERHEAD;
        }

        int end() {
            return start + totalLength();
        }
    }

    static PngChunks parse(byte[] file) throws InvalidImageException {
        if (file.length < SIGNATURE.length || !Arrays.equals(file, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new InvalidImageException("not a PNG file: the 8-byte PNG signature is missing");
        }
        List<Chunk> chunks = new ArrayList<>();
        int offset = SIGNATURE.length;
        while (true) {
            if (file.length - offset < CHUNK_OVERHEAD) {
                throw new InvalidImageException("truncated PNG: chunk at offset " + offset + " is incomplete or IEND is missing");
            }
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(file, offset, 4).getInt());
            String type = new String(file, offset + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new InvalidImageException("corrupt PNG: invalid chunk type at offset " + offset);
            }
            if (length > file.length - offset - CHUNK_OVERHEAD) {
                throw new InvalidImageException("truncated PNG: chunk " + type + " at offset " + offset
                        + " declares " + length + " bytes but the file ends first");
            }
            Chunk chunk = new Chunk(type, offset, (int) length);
            int storedCrc = ByteBuffer.wrap(file, chunk.end() - 4, 4).getInt();
            if (storedCrc != crc(file, offset + 4, chunk.dataLength() + 4)) {
                throw new InvalidImageException("corrupt PNG: chunk " + type + " at offset " + offset + " has a wrong CRC");
            }
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw new InvalidImageException("corrupt PNG: the first chunk is " + type + ", not IHDR");
            }
            chunks.add(chunk);
            offset = chunk.end();
            if (type.equals("IEND")) {
                return new PngChunks(file, List.copyOf(chunks));
            }
        }
    }

    List<Chunk> chunks() {
        return chunks;
    }

    byte[] data(Chunk chunk) {
        return Arrays.copyOfRange(file, chunk.dataStart(), chunk.dataStart() + chunk.dataLength());
    }

    Optional<Chunk> first(String type) {
        return chunks.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    boolean isXmp(Chunk chunk) {
        if (!chunk.type().equals("iTXt") || chunk.dataLength() <= XMP_KEYWORD.length()) {
            return false;
        }
        byte[] keyword = (XMP_KEYWORD + '\0').getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.equals(file, chunk.dataStart(), chunk.dataStart() + keyword.length, keyword, 0, keyword.length);
    }

    /** The file without the chunks that match, every other byte kept as it was. */
    byte[] without(Predicate<Chunk> unwanted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, SIGNATURE.length);
        for (Chunk chunk : chunks) {
            if (!unwanted.test(chunk)) {
                out.write(file, chunk.start(), chunk.totalLength());
            }
        }
        return out.toByteArray();
    }

    /** Offset just after IHDR, where C2PA readers and writers place the {@code caBX} chunk. */
    int afterHeader() {
        return chunks.get(0).end();
    }

    byte[] insertedAfterHeader(byte[] encodedChunk) {
        int at = afterHeader();
        byte[] result = new byte[file.length + encodedChunk.length];
        System.arraycopy(file, 0, result, 0, at);
        System.arraycopy(encodedChunk, 0, result, at, encodedChunk.length);
        System.arraycopy(file, at, result, at + encodedChunk.length, file.length - at);
        return result;
    }

    static byte[] encode(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(data.length + CHUNK_OVERHEAD);
        chunk.putInt(data.length);
        chunk.put(type.getBytes(StandardCharsets.ISO_8859_1));
        chunk.put(data);
        chunk.putInt(crc(chunk.array(), 4, data.length + 4));
        return chunk.array();
    }

    /** An uncompressed iTXt chunk carrying an XMP packet, the form XMP readers look for in PNG (XMP part 3 §1.1.5). */
    static byte[] encodeXmp(String packet) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        // keyword terminator, compression flag, compression method, empty language tag, empty translated keyword
        data.writeBytes(new byte[] {0, 0, 0, 0, 0});
        data.writeBytes(packet.getBytes(StandardCharsets.UTF_8));
        return encode("iTXt", data.toByteArray());
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
