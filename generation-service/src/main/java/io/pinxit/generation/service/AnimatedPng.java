package io.pinxit.generation.service;

import io.pinxit.inference.PngEncoding;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes frames as one animated PNG (APNG, the PNG extension every current browser plays): the first frame is the
 * file's ordinary image, so viewers without animation show it; each frame shows for the same time and the animation
 * loops. The JDK encodes each frame; this class only rearranges the encoded chunks (APNG spec 1.0).
 */
final class AnimatedPng {

    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    private static final int LOOP_FOREVER = 0;
    private static final int MILLIS_PER_SECOND = 1000;
    private static final byte DISPOSE_NONE = 0;
    private static final byte BLEND_SOURCE = 0;

    private AnimatedPng() {}

    /** The frames, all of one size, each shown for {@code frameMillis}. */
    static byte[] encode(List<BufferedImage> frames, int frameMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("An animation needs at least one frame");
        }
        int width = frames.get(0).getWidth();
        int height = frames.get(0).getHeight();
        var out = new ByteArrayOutputStream();
        try {
            out.write(SIGNATURE);
            byte[] header = null;
            int sequence = 0;
            for (int index = 0; index < frames.size(); index++) {
                BufferedImage frame = frames.get(index);
                if (frame.getWidth() != width || frame.getHeight() != height) {
                    throw new IllegalArgumentException("Frame %d is %d×%d, the first frame %d×%d"
                            .formatted(index, frame.getWidth(), frame.getHeight(), width, height));
                }
                List<Chunk> chunks = Chunk.readAll(PngEncoding.encode(rgb(frame)));
                byte[] frameHeader = chunks.get(0).data();
                if (header == null) {
                    header = frameHeader;
                    writeChunk(out, "IHDR", header);
                    writeChunk(out, "acTL", ByteBuffer.allocate(8).putInt(frames.size()).putInt(LOOP_FOREVER).array());
                } else if (!Arrays.equals(header, frameHeader)) {
                    throw new IllegalStateException("Frame " + index + " was encoded with another PNG header");
                }
                writeChunk(out, "fcTL", frameControl(sequence++, width, height, frameMillis));
                for (Chunk chunk : chunks) {
                    if (chunk.type().equals("IDAT")) {
                        if (index == 0) {
                            writeChunk(out, "IDAT", chunk.data());
                        } else {
                            writeChunk(out, "fdAT", ByteBuffer.allocate(4 + chunk.data().length)
                                    .putInt(sequence++).put(chunk.data()).array());
                        }
                    }
                }
            }
            writeChunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every frame in one pixel format, so that every frame's encoding has the same header. */
    private static BufferedImage rgb(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return frame;
        }
        var converted = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = converted.createGraphics();
        graphics.drawImage(frame, 0, 0, null);
        graphics.dispose();
        return converted;
    }

    private static byte[] frameControl(int sequence, int width, int height, int frameMillis) {
        return ByteBuffer.allocate(26).putInt(sequence).putInt(width).putInt(height).putInt(0).putInt(0)
                .putShort((short) frameMillis).putShort((short) MILLIS_PER_SECOND)
                .put(DISPOSE_NONE).put(BLEND_SOURCE).array();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        var chunk = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.writeInt(data.length);
        chunk.write(typeBytes);
        chunk.write(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.writeInt((int) crc.getValue());
    }

    /** One chunk of a PNG file as the JDK wrote it. */
    record Chunk(String type, byte[] data) {

        static List<Chunk> readAll(byte[] png) {
            ByteBuffer buffer = ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length);
            List<Chunk> chunks = new ArrayList<>();
            while (buffer.remaining() >= 12) {
                int length = buffer.getInt();
                byte[] type = new byte[4];
                buffer.get(type);
                byte[] data = new byte[length];
                buffer.get(data);
                buffer.getInt();
                chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
            }
            return chunks;
        }
    }
}
