package io.pinxit.gateway.images;

/**
 * How big an uploaded picture may be: in bytes as uploaded, in pixels, and on its longest side. The pixel limits bound
 * the memory a decoded picture takes (40 megapixels are 160 MB as 8-bit RGBA), whatever the file's size.
 */
public record UploadLimits(long maxBytes, long maxPixels, int maxSide) {

    public UploadLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("Upload limits must be positive: " + maxBytes + " bytes, " + maxPixels
                    + " pixels, " + maxSide + " pixels a side");
        }
    }
}
