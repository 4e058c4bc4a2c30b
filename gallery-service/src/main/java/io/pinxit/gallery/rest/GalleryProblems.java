package io.pinxit.gallery.rest;

import io.pinxit.problem.ProblemType;

/** The error kinds particular to the gallery. */
final class GalleryProblems {

    static final ProblemType ARTWORK_NOT_FOUND = ProblemType.of("artwork-not-found", "No such artwork", 404);
    static final ProblemType PICTURE_DELETED = ProblemType.of("picture-deleted", "The picture was deleted", 410);

    private GalleryProblems() {
    }
}
