package io.pinxit.gateway.service;

import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleLibrary;
import io.pinxit.catalog.StyleNameTakenException;
import io.pinxit.catalog.Upload;
import io.pinxit.contracts.TimeOrderedIds;
import io.pinxit.contracts.Visibility;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The style library as callers see it: they save styles, and use or look at those they may see (public and unlisted
 * ones, their own; an administrator, all). Any other style is answered as if it did not exist.
 */
@ApplicationScoped
public class Styles {

    private final StyleLibrary library;
    private final ImageUploads uploads;
    private final ObjectStore store;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Styles(StyleLibrary library, ImageUploads uploads, ObjectStore store, TimeOrderedIds ids, Clock clock) {
        this.library = library;
        this.uploads = uploads;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** Saves a style with its picture (checked and stored already) and its upload record, in one transaction. */
    @Transactional
    public SavedStyle save(StyleRequest request, Upload picture, Author owner) {
        Upload recorded = uploads.record(picture);
        var credit = new ProvenanceRecord.Credit(request.source().strip(), request.licence(),
                request.attribution().strip());
        var visibility = request.visibility() != null ? request.visibility() : Visibility.PUBLIC;
        var style = new SavedStyle(ids.next(), request.name().strip(), credit, recorded, visibility, owner.id(),
                owner.name(), clock.instant());
        try {
            return library.save(style);
        } catch (StyleNameTakenException e) {
            throw new ProblemException(Problem.of(GatewayProblems.STYLE_EXISTS, "You have a style named '"
                    + style.name() + "' already (names are told apart regardless of case); choose another name",
                    List.of(new Problem.FieldError("name", "is taken by another of your styles"))));
        }
    }

    /** A style the caller may see and use. */
    public SavedStyle visible(UUID id, UUID callerId, boolean mayReadAll) {
        return library.find(id)
                .filter(style -> mayReadAll || style.visibility() != Visibility.PRIVATE
                        || style.ownerId().equals(callerId))
                .orElseThrow(() -> new ProblemException(Problem.of(GatewayProblems.STYLE_NOT_FOUND,
                        "There is no style " + id + " in the library")));
    }

    /** Newest first, the styles listed to the caller: the public ones and their own (an administrator's: all). */
    public List<SavedStyle> list(int limit, Optional<UUID> olderThan, UUID callerId, boolean mayReadAll) {
        return library.list(limit, olderThan, Optional.of(callerId), mayReadAll);
    }

    /** The style's picture as stored: a PNG; the caller closes the stream. */
    public InputStream picture(SavedStyle style) {
        return store.open(style.image().image().imageKey());
    }
}
