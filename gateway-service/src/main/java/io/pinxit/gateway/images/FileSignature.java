package io.pinxit.gateway.images;

import io.pinxit.catalog.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file is, told by its first bytes alone: a file's name and declared media type are the sender's word, and a
 * hostile sender's word is worth nothing. Only PNG, JPEG and WebP are accepted; the others are named so that a refusal
 * can say what the file was.
 */
public enum FileSignature {
    PNG("a PNG image", Upload.ImageFormat.PNG),
    JPEG("a JPEG image", Upload.ImageFormat.JPEG),
    WEBP("a WebP image", Upload.ImageFormat.WEBP),
    GIF("a GIF image", null),
    BMP("a BMP image", null),
    TIFF("a TIFF image", null),
    ICO("an ICO icon", null),
    AVIF("an AVIF image", null),
    HEIF("a HEIF (HEIC) image", null),
    JPEG_XL("a JPEG XL image", null),
    PSD("a Photoshop document", null),
    PDF("a PDF document", null),
    TEXT("text, not a picture", null),
    EMPTY("empty", null),
    UNKNOWN("not a picture in a format Pinxit knows", null);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final int TEXT_SAMPLE = 512;

    private final String description;
    private final Upload.ImageFormat format;

    FileSignature(String description, Upload.ImageFormat format) {
        this.description = description;
        this.format = format;
    }

    /** What the file is, in words that complete "the file …": "a GIF image", "text, not a picture". */
    public String description() {
        return description;
    }

    /** The upload format, for the accepted kinds only. */
    public Optional<Upload.ImageFormat> acceptedFormat() {
        return Optional.ofNullable(format);
    }

    public static FileSignature of(byte[] bytes) {
        if (bytes.length == 0) {
            return EMPTY;
        }
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
            return GIF;
        }
        if (startsWith(bytes, 0, "II*\0") || startsWith(bytes, 0, "MM\0*")) {
            return TIFF;
        }
        if (startsWith(bytes, 4, "ftyp")) {
            String brand = ascii(bytes, 8, 4);
            if (brand.startsWith("avi")) {
                return AVIF;
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return HEIF;
            }
        }
        if (startsWith(bytes, 0, 0xff, 0x0a) || startsWith(bytes, 0, 0, 0, 0, 0x0c, 'J', 'X', 'L', ' ')) {
            return JPEG_XL;
        }
        if (startsWith(bytes, 0, "8BPS")) {
            return PSD;
        }
        if (startsWith(bytes, 0, "%PDF")) {
            return PDF;
        }
        if (startsWith(bytes, 0, 0, 0, 1, 0)) {
            return ICO;
        }
        if (startsWith(bytes, 0, "BM") && bytes.length >= 14) {
            return BMP;
        }
        return looksLikeText(bytes) ? TEXT : UNKNOWN;
    }

    private static boolean looksLikeText(byte[] bytes) {
        int end = Math.min(bytes.length, TEXT_SAMPLE);
        for (int index = 0; index < end; index++) {
            int value = bytes[index] & 0xff;
            boolean control = value < 0x20 && value != '\t' && value != '\n' && value != '\r' && value != '\f';
            if (control || value == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        return startsWith(bytes, offset, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        byte[] asBytes = new byte[expected.length];
        for (int index = 0; index < expected.length; index++) {
            asBytes[index] = (byte) expected[index];
        }
        return startsWith(bytes, offset, asBytes);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] expected) {
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return bytes.length >= offset + length ? new String(bytes, offset, length, StandardCharsets.ISO_8859_1) : "";
    }
}
