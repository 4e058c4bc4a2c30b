package io.pinxit.gateway.service;

import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Readies a style transfer for submission: exactly one source for the content and one for the style, and a method
 * the style can be painted with, checked before any upload is decoded; then the uploaded pictures checked and stored.
 */
@ApplicationScoped
public class StyleTransfers {

    public static final String CONTENT_PART = "content";
    public static final String STYLE_PART = "style";

    private final ImageUploads uploads;

    StyleTransfers(ImageUploads uploads) {
        this.uploads = uploads;
    }

    /** A file uploaded as a form part: the name the client gave it (for messages only) and where it was received. */
    public record UploadedFile(String fileName, Path path) {
    }

    public StyleTransfer prepare(StyleTransferRequest request, Optional<UploadedFile> contentFile,
                                 Optional<UploadedFile> styleFile) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkContent(request.content(), contentFile.isPresent(), errors);
        checkStyle(request.style(), styleFile.isPresent(), errors);
        checkMethod(request, styleFile.isPresent(), errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
            throw new ProblemException(Problem.of(ProblemTypes.INVALID_REQUEST, detail, errors));
        }
        return new StyleTransfer(request,
                contentFile.map(file -> uploads.accept(CONTENT_PART, file.fileName(), file.path())),
                styleFile.map(file -> uploads.accept(STYLE_PART, file.fileName(), file.path())));
    }

    private static void checkContent(StyleTransferRequest.Source content, boolean uploaded,
                                     List<Problem.FieldError> errors) {
        if (content == null && !uploaded) {
            errors.add(new Problem.FieldError("content", "is required: an artworkId, or a picture uploaded as form "
                    + "part 'content'"));
        } else if (content != null && uploaded) {
            errors.add(new Problem.FieldError("content", "is given twice, by reference and as an uploaded picture; "
                    + "give one"));
        } else if (content != null && content.styleId() != null) {
            errors.add(new Problem.FieldError("content.styleId", "a saved style cannot be the content; give "
                    + "content.artworkId or upload a picture as form part 'content'"));
        } else if (content != null && content.artworkId() == null) {
            errors.add(new Problem.FieldError("content.artworkId", "is required"));
        }
    }

    private static void checkMethod(StyleTransferRequest request, boolean styleUploaded,
                                    List<Problem.FieldError> errors) {
        boolean styleIsAPicture = styleUploaded || (request.style() != null && request.style().artworkId() != null);
        if (request.methodOrDefault() == StyleMethod.FAST && styleIsAPicture) {
            errors.add(new Problem.FieldError("method", "'fast' paints only with a saved style that was trained "
                    + "(style.styleId); this style is a picture, which only 'neural' can paint with"));
        }
    }

    private static void checkStyle(StyleTransferRequest.Source style, boolean uploaded,
                                   List<Problem.FieldError> errors) {
        if (style == null && !uploaded) {
            errors.add(new Problem.FieldError("style", "is required: an artworkId, the styleId of a saved style, or "
                    + "a picture uploaded as form part 'style'"));
        } else if (style != null && uploaded) {
            errors.add(new Problem.FieldError("style", "is given twice, by reference and as an uploaded picture; "
                    + "give one"));
        } else if (style != null && (style.artworkId() == null) == (style.styleId() == null)) {
            errors.add(new Problem.FieldError("style", "must give exactly one of artworkId and styleId"));
        }
    }
}
