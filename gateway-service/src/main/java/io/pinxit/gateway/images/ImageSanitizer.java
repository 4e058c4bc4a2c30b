package io.pinxit.gateway.images;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.pinxit.catalog.Upload;
import io.pinxit.contracts.Sha256;
import io.pinxit.gateway.images.RefusedImageException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Treats an uploaded file as hostile until it has proven to be a picture: its size in bytes, its format by its first
 * bytes (never by name or declared type), its declared pixels before any decoding, then a full decode in which any
 * error or decoder warning (a truncated JPEG decodes "successfully" with a grey bottom and a warning) refuses it. What
 * passes is re-encoded as a PNG, upright, without metadata.
 */
public final class ImageSanitizer {

    private static final String ACCEPTED = "accepted formats are PNG, JPEG and WebP (told by the file's first bytes, "
            + "not by its name or declared type)";

    private final UploadLimits limits;

    public ImageSanitizer(UploadLimits limits) {
        this.limits = limits;
    }

    public UploadLimits limits() {
        return limits;
    }

    public CheckedImage check(byte[] bytes) throws RefusedImageException {
        if (bytes.length > limits.maxBytes()) {
            throw new RefusedImageException(Reason.TOO_MANY_BYTES, "is " + bytes.length + " bytes; an upload may be at "
                    + "most " + limits.maxBytes() + " bytes");
        }
        FileSignature signature = FileSignature.of(bytes);
        Upload.ImageFormat format = signature.acceptedFormat().orElseThrow(() -> new RefusedImageException(
                Reason.UNSUPPORTED_FORMAT, "is " + signature.description() + "; " + ACCEPTED));
        ImageHeader header = ImageHeader.read(signature, bytes);
        if (header.width() > limits.maxSide() || header.height() > limits.maxSide()
                || header.pixels() > limits.maxPixels()) {
            throw new RefusedImageException(Reason.TOO_MANY_PIXELS, "declares " + header.width() + " × "
                    + header.height() + " pixels; a picture may have at most " + limits.maxPixels() + " pixels and "
                    + limits.maxSide() + " on its longest side");
        }
        int orientation = ExifOrientation.of(signature, bytes);
        BufferedImage decoded = decode(signature, format, bytes, header);
        BufferedImage upright = ExifOrientation.upright(decoded, orientation);
        return new CheckedImage(Sha256.hex(bytes), format, bytes.length, (int) header.width(), (int) header.height(),
                orientation, png(upright), upright.getWidth(), upright.getHeight());
    }

    private static BufferedImage decode(FileSignature signature, Upload.ImageFormat format, byte[] bytes,
                                        ImageHeader header) throws RefusedImageException {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw corrupt(signature, warnings.get(0), null);
            }
            if (image.getWidth() != header.width() || image.getHeight() != header.height()) {
                throw corrupt(signature, "its pixels are " + image.getWidth() + " × " + image.getHeight()
                        + " but its header says " + header.width() + " × " + header.height(), null);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // Decoders answer hostile input with all sorts of exceptions; each means the same to the sender.
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw corrupt(signature, reason, e);
        } finally {
            reader.dispose();
        }
    }

    /** The format's reader chosen by the format the bytes showed, never by probing every installed reader. */
    private static ImageReader reader(Upload.ImageFormat format) {
        if (format == Upload.ImageFormat.WEBP) {
            // Made directly: the ImageIO registry only sees the plugins of the class loader it first ran in.
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no " + format + " reader");
        }
        return readers.next();
    }

    private static RefusedImageException corrupt(FileSignature signature, String reason, Throwable cause) {
        return new RefusedImageException(Reason.CORRUPT, "is " + signature.description() + " that cannot be decoded: "
                + reason, cause);
    }

    private static byte[] png(BufferedImage picture) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IllegalStateException("This Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a PNG in memory", e);
        }
        return out.toByteArray();
    }
}
