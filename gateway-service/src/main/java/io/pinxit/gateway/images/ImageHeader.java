package io.pinxit.gateway.images;

import static io.pinxit.gateway.images.ByteReader.has;
import static io.pinxit.gateway.images.ByteReader.isAscii;
import static io.pinxit.gateway.images.ByteReader.u16;
import static io.pinxit.gateway.images.ByteReader.u24le;
import static io.pinxit.gateway.images.ByteReader.u32;
import static io.pinxit.gateway.images.ByteReader.u8;

import io.pinxit.gateway.images.RefusedImageException.Reason;

/**
 * A picture's size as its header declares it, read without decoding a single pixel, so that a decompression bomb (a
 * few kilobytes that claim 100000 × 100000 pixels) is refused before anything is allocated for it. Sides are
 * {@code long}: a PNG may claim up to 2³¹ − 1 pixels a side.
 */
public record ImageHeader(FileSignature signature, long width, long height) {

    public long pixels() {
        return width * height;
    }

    /**
     * The size a PNG, JPEG or WebP file declares.
     *
     * @throws RefusedImageException (CORRUPT) when the header is missing, cut short or declares no pixels
     */
    public static ImageHeader read(FileSignature signature, byte[] bytes) throws RefusedImageException {
        ImageHeader header = switch (signature) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case WEBP -> webp(bytes);
            default -> throw new IllegalArgumentException("Only PNG, JPEG and WebP headers are read, not " + signature);
        };
        if (header.width() <= 0 || header.height() <= 0) {
            throw corrupt("declares a picture of " + header.width() + " × " + header.height() + " pixels");
        }
        return header;
    }

    /** The IHDR chunk, which must come first: width and height as unsigned 32-bit big-endian integers. */
    private static ImageHeader png(byte[] bytes) throws RefusedImageException {
        if (!has(bytes, 8, 24 - 8) || !isAscii(bytes, 12, "IHDR")) {
            throw corrupt("is a PNG without its image header (IHDR)");
        }
        return new ImageHeader(FileSignature.PNG, u32(bytes, 16, true), u32(bytes, 20, true));
    }

    /** The first start-of-frame segment (SOF0…SOF15 but DHT, JPG and DAC), found by walking the segments. */
    private static ImageHeader jpeg(byte[] bytes) throws RefusedImageException {
        int offset = 2;
        while (has(bytes, offset, 2)) {
            if (u8(bytes, offset) != 0xff) {
                throw corrupt("is a JPEG whose segments are broken before its frame header");
            }
            int marker = u8(bytes, offset + 1);
            if (marker == 0xff) {
                offset++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                offset += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda || !has(bytes, offset + 2, 2)) {
                break;
            }
            int length = u16(bytes, offset + 2, true);
            if (length < 2) {
                throw corrupt("is a JPEG with a segment of length " + length);
            }
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                    && marker != 0xcc;
            if (startOfFrame) {
                if (!has(bytes, offset + 5, 4)) {
                    break;
                }
                return new ImageHeader(FileSignature.JPEG, u16(bytes, offset + 7, true), u16(bytes, offset + 5, true));
            }
            offset += 2 + length;
        }
        throw corrupt("is a JPEG that ends or starts its image data before its frame header (SOF)");
    }

    /** The first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X, which holds the canvas size). */
    private static ImageHeader webp(byte[] bytes) throws RefusedImageException {
        int data = 20;
        if (isAscii(bytes, 12, "VP8 ") && has(bytes, data, 10) && u8(bytes, data + 3) == 0x9d
                && u8(bytes, data + 4) == 0x01 && u8(bytes, data + 5) == 0x2a) {
            return new ImageHeader(FileSignature.WEBP, u16(bytes, data + 6, false) & 0x3fff,
                    u16(bytes, data + 8, false) & 0x3fff);
        }
        if (isAscii(bytes, 12, "VP8L") && has(bytes, data, 5) && u8(bytes, data) == 0x2f) {
            long bits = u32(bytes, data + 1, false);
            return new ImageHeader(FileSignature.WEBP, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
        }
        if (isAscii(bytes, 12, "VP8X") && has(bytes, data, 10)) {
            return new ImageHeader(FileSignature.WEBP, u24le(bytes, data + 4) + 1L, u24le(bytes, data + 7) + 1L);
        }
        throw corrupt("is a WebP without a VP8, VP8L or VP8X header");
    }

    private static RefusedImageException corrupt(String message) {
        return new RefusedImageException(Reason.CORRUPT, message);
    }
}
