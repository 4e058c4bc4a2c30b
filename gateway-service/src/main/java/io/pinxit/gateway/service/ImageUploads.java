package io.pinxit.gateway.service;

import io.pinxit.catalog.Upload;
import io.pinxit.catalog.Uploads;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.images.CheckedImage;
import io.pinxit.gateway.images.ImageSanitizer;
import io.pinxit.gateway.images.RefusedImageException;
import io.pinxit.gateway.images.UploadLimits;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemType;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Turns an uploaded file into an upload: refused with the problem that names what is wrong with it, or checked,
 * re-encoded (see {@link ImageSanitizer}) and stored content-addressed in the artworks' object store. The same bytes
 * uploaded again are the same upload and are not decoded again. The upload's row is written by {@link #record}, in
 * the transaction of whatever uses it, so a refused job leaves no row behind.
 */
@ApplicationScoped
public class ImageUploads {

    private final ImageSanitizer sanitizer;
    private final Semaphore decoding;
    private final ObjectStore store;
    private final Uploads uploads;
    private final Clock clock;

    ImageUploads(GatewayConfig config, ObjectStore store, Uploads uploads, Clock clock) {
        var limits = config.uploads();
        this.sanitizer = new ImageSanitizer(new UploadLimits(limits.maxBytes().asLongValue(), limits.maxPixels(),
                limits.maxSide()));
        this.decoding = new Semaphore(limits.concurrentDecodes(), true);
        this.store = store;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Checks and stores the picture uploaded as form part {@code part}.
     *
     * @param fileName the name the client gave the file, only to name it in a refusal
     * @throws ProblemException 413 {@code upload-too-large}, 415 {@code unsupported-image-format}, 422
     *                          {@code too-many-pixels} or 422 {@code corrupt-image}, naming the part and the file
     */
    public Upload accept(String part, String fileName, Path file) {
        long size = sizeOf(file);
        if (size > sanitizer.limits().maxBytes()) {
            throw refused(part, fileName, new RefusedImageException(RefusedImageException.Reason.TOO_MANY_BYTES, "is "
                    + size + " bytes; an upload may be at most " + sanitizer.limits().maxBytes() + " bytes"));
        }
        byte[] bytes = read(file);
        String sha256 = Sha256.hex(bytes);
        var known = uploads.find(sha256).filter(upload -> store.exists(upload.image().imageKey()));
        if (known.isPresent()) {
            return known.get();
        }
        CheckedImage checked = check(part, fileName, bytes);
        StoredObject stored = store.putContentAddressed(checked.png(), "image/png", "png");
        var image = new UploadedImage(checked.sha256(), stored.key(), stored.sha256(), checked.width(),
                checked.height());
        return new Upload(image, checked.format(), checked.byteSize(), checked.originalWidth(),
                checked.originalHeight(), checked.orientation(), clock.instant());
    }

    /** Records the upload (joining the caller's transaction); an upload of the same bytes recorded before stands. */
    public Upload record(Upload upload) {
        return uploads.record(upload);
    }

    private CheckedImage check(String part, String fileName, byte[] bytes) {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to decode an upload", e);
        }
        try {
            return sanitizer.check(bytes);
        } catch (RefusedImageException e) {
            throw refused(part, fileName, e);
        } finally {
            decoding.release();
        }
    }

    private static ProblemException refused(String part, String fileName, RefusedImageException refusal) {
        ProblemType type = switch (refusal.reason()) {
            case TOO_MANY_BYTES -> GatewayProblems.UPLOAD_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> GatewayProblems.UNSUPPORTED_IMAGE_FORMAT;
            case TOO_MANY_PIXELS -> GatewayProblems.TOO_MANY_PIXELS;
            case CORRUPT -> GatewayProblems.CORRUPT_IMAGE;
        };
        String file = fileName == null || fileName.isBlank() ? "the file" : "the file '" + fileName + "'";
        String message = file + " " + refusal.getMessage();
        return new ProblemException(Problem.of(type, part + ": " + message,
                List.of(new Problem.FieldError(part, message))));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the size of an uploaded file", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded file", e);
        }
    }
}
