package io.pinxit.jobevents;

import io.pinxit.contracts.JobProgress;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** The small picture a progress report carries: a PNG of at most {@link JobProgress#MAX_PREVIEW_SIDE} pixels a side. */
public final class ProgressPreview {

    private ProgressPreview() {
    }

    /** The picture scaled down to fit the preview's side (never up), as base64 PNG without metadata. */
    public static String of(BufferedImage picture) {
        double scale = Math.min(1.0, (double) JobProgress.MAX_PREVIEW_SIDE
                / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        int type = picture.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        var preview = new BufferedImage(width, height, type);
        Graphics2D graphics = preview.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(picture, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(preview, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a preview in memory", e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
