package io.pinxit.gateway.images;

import static io.pinxit.gateway.images.ByteReader.has;
import static io.pinxit.gateway.images.ByteReader.isAscii;
import static io.pinxit.gateway.images.ByteReader.u16;
import static io.pinxit.gateway.images.ByteReader.u32;
import static io.pinxit.gateway.images.ByteReader.u8;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF orientation a picture asks to be shown in (1 = as stored … 8), and the upright picture. Cameras store a
 * picture as the sensor saw it and say in EXIF how to turn it; viewers obey, decoders do not, so a picture stripped of
 * its EXIF would show on its side unless it is turned first. EXIF is found where each format keeps it: a JPEG's APP1
 * segment, a PNG's eXIf chunk, a WebP's EXIF chunk. Anything malformed reads as 1: orientation is a courtesy, never a
 * reason to refuse a picture.
 */
public final class ExifOrientation {

    public static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    private ExifOrientation() {
    }

    public static int of(FileSignature signature, byte[] bytes) {
        int[] tiff = switch (signature) {
            case JPEG -> jpegExif(bytes);
            case PNG -> pngExif(bytes);
            case WEBP -> webpExif(bytes);
            default -> null;
        };
        return tiff == null ? UPRIGHT : orientation(bytes, tiff[0], tiff[1]);
    }

    /**
     * The picture turned and mirrored as {@code orientation} says, as 8-bit sRGB (with alpha when the picture has it):
     * one pass over the pixels, whatever the decoder's colour model was.
     */
    public static BufferedImage upright(BufferedImage picture, int orientation) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        int outWidth = turned ? height : width;
        int outHeight = turned ? width : height;
        var out = new BufferedImage(outWidth, outHeight,
                picture.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int outX;
                int outY;
                switch (orientation) {
                    case 2 -> { outX = width - 1 - x; outY = y; }
                    case 3 -> { outX = width - 1 - x; outY = height - 1 - y; }
                    case 4 -> { outX = x; outY = height - 1 - y; }
                    case 5 -> { outX = y; outY = x; }
                    case 6 -> { outX = height - 1 - y; outY = x; }
                    case 7 -> { outX = height - 1 - y; outY = width - 1 - x; }
                    case 8 -> { outX = y; outY = width - 1 - x; }
                    default -> { outX = x; outY = y; }
                }
                pixels[outY * outWidth + outX] = row[x];
            }
        }
        return out;
    }

    /** The APP1 segment that starts with "Exif\0\0", before the image data starts. */
    private static int[] jpegExif(byte[] bytes) {
        int offset = 2;
        while (has(bytes, offset, 4) && u8(bytes, offset) == 0xff) {
            int marker = u8(bytes, offset + 1);
            if (marker == 0xda || marker == 0xd9) {
                return null;
            }
            if (marker == 0xd8 || marker == 0xff || (marker >= 0xd0 && marker <= 0xd7)) {
                offset += marker == 0xff ? 1 : 2;
                continue;
            }
            int length = u16(bytes, offset + 2, true);
            if (marker == 0xe1 && length >= 8 && isAscii(bytes, offset + 4, "Exif\0\0")) {
                return new int[] {offset + 10, length - 8};
            }
            offset += 2 + length;
        }
        return null;
    }

    /** The eXIf chunk's data. */
    private static int[] pngExif(byte[] bytes) {
        long offset = 8;
        while (has(bytes, offset, 8)) {
            long length = u32(bytes, (int) offset, true);
            if (isAscii(bytes, (int) offset + 4, "eXIf")) {
                return has(bytes, offset + 8, length) ? new int[] {(int) offset + 8, (int) length} : null;
            }
            if (isAscii(bytes, (int) offset + 4, "IEND")) {
                return null;
            }
            offset += 12 + length;
        }
        return null;
    }

    /** The EXIF chunk's data, past an "Exif\0\0" prefix that some writers put there. */
    private static int[] webpExif(byte[] bytes) {
        long offset = 12;
        while (has(bytes, offset, 8)) {
            long size = u32(bytes, (int) offset + 4, false);
            if (isAscii(bytes, (int) offset, "EXIF")) {
                if (!has(bytes, offset + 8, size)) {
                    return null;
                }
                int start = (int) offset + 8;
                boolean prefixed = isAscii(bytes, start, "Exif\0\0");
                return prefixed ? new int[] {start + 6, (int) size - 6} : new int[] {start, (int) size};
            }
            offset += 8 + size + (size & 1);
        }
        return null;
    }

    /** Tag 0x0112 of the first image directory of a TIFF structure at {@code start}. */
    private static int orientation(byte[] bytes, int start, int length) {
        if (length < 8 || !has(bytes, start, length)) {
            return UPRIGHT;
        }
        boolean bigEndian;
        if (isAscii(bytes, start, "MM")) {
            bigEndian = true;
        } else if (isAscii(bytes, start, "II")) {
            bigEndian = false;
        } else {
            return UPRIGHT;
        }
        if (u16(bytes, start + 2, bigEndian) != 42) {
            return UPRIGHT;
        }
        long directory = u32(bytes, start + 4, bigEndian);
        if (directory > length - 2) {
            return UPRIGHT;
        }
        int entries = u16(bytes, start + (int) directory, bigEndian);
        for (int index = 0; index < entries; index++) {
            long entry = directory + 2 + 12L * index;
            if (entry > length - 12) {
                return UPRIGHT;
            }
            int at = start + (int) entry;
            if (u16(bytes, at, bigEndian) == ORIENTATION_TAG) {
                int value = u16(bytes, at + 2, bigEndian) == SHORT ? u16(bytes, at + 8, bigEndian) : UPRIGHT;
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }
}
