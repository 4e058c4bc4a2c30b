package io.pinxit.gateway.service;

import io.pinxit.contracts.JobProgress;
import io.pinxit.gateway.images.FileSignature;
import io.pinxit.gateway.images.ImageHeader;
import io.pinxit.gateway.images.RefusedImageException;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The part of a worker's progress report that the gateway keeps and shows: counts that make sense, and a preview only
 * if it is what the contract promises (a base64 PNG of at most 64 pixels a side), since every follower of the job's
 * events receives it. A preview that is not is dropped, the counts kept.
 */
final class ReportedProgress {

    private static final Logger LOG = Logger.getLogger(ReportedProgress.class);

    private ReportedProgress() {
    }

    static Optional<JobProgress> usable(JobProgress progress) {
        if (progress == null) {
            return Optional.empty();
        }
        if (progress.iteration() < 0 || progress.total() < 1 || progress.iteration() > progress.total()) {
            LOG.warnf("Ignoring progress %d of %d: not a step of a job", progress.iteration(), progress.total());
            return Optional.empty();
        }
        if (progress.preview() != null && !isSmallPng(progress.preview())) {
            LOG.warnf("Dropping a preview at iteration %d: not a base64 PNG of at most %d pixels a side",
                    progress.iteration(), JobProgress.MAX_PREVIEW_SIDE);
            return Optional.of(JobProgress.of(progress.iteration(), progress.total()));
        }
        return Optional.of(progress);
    }

    private static boolean isSmallPng(String preview) {
        if (preview.length() > JobProgress.MAX_PREVIEW_CHARS) {
            return false;
        }
        try {
            byte[] png = Base64.getDecoder().decode(preview);
            if (FileSignature.of(png) != FileSignature.PNG) {
                return false;
            }
            ImageHeader header = ImageHeader.read(FileSignature.PNG, png);
            return header.width() <= JobProgress.MAX_PREVIEW_SIDE && header.height() <= JobProgress.MAX_PREVIEW_SIDE;
        } catch (IllegalArgumentException | RefusedImageException e) {
            return false;
        }
    }
}
