package io.pinxit.style.service;

import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.RefusedPictureException;
import io.pinxit.storage.ObjectNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Runs the style worker's jobs and reports them (see {@link JobReporting}): style transfers, which record one styled
 * artwork, and trainings, which learn a saved style into a fast style network and record no artwork. A failed job
 * records nothing: the artwork, or the network, is written at the end.
 */
@ApplicationScoped
public class StyleJobs {

    static final String ARTWORK_NOT_FOUND = "urn:pinxit:problem:artwork-not-found";
    static final String STYLE_NETWORK_NOT_FOUND = "urn:pinxit:problem:style-network-not-found";
    static final String PICTURE_REFUSED = "urn:pinxit:problem:picture-refused";
    static final String STYLE_TRANSFER_FAILED = "urn:pinxit:problem:style-transfer-failed";
    static final String STYLE_NOT_FOUND = "urn:pinxit:problem:style-not-found";
    static final String STYLE_PICTURE_NOT_FOUND = "urn:pinxit:problem:style-picture-not-found";
    static final String STYLE_TRAINING_FAILED = "urn:pinxit:problem:style-training-failed";

    private final StyledArtworks artworks;
    private final StyleNetworkTraining training;
    private final JobReporting reporting;

    StyleJobs(StyledArtworks artworks, StyleNetworkTraining training, JobReporting reporting) {
        this.artworks = artworks;
        this.training = training;
        this.reporting = reporting;
    }

    public void run(StyleCommand command) {
        reporting.run(command.jobId(), JobKind.STYLE_TRANSFER, progress -> artworks.produce(command, progress),
                StyleJobs::transferFailureOf);
    }

    public void run(StyleTrainingCommand command) {
        reporting.run(command.jobId(), JobKind.STYLE_TRAINING, progress -> {
            training.train(command, progress);
            return List.of();
        }, StyleJobs::trainingFailureOf);
    }

    private static JobFailure transferFailureOf(RuntimeException e) {
        if (e instanceof ArtworkNotFoundException) {
            return new JobFailure(ARTWORK_NOT_FOUND, "No such artwork", e.getMessage());
        }
        if (e instanceof UnknownStyleNetworkException) {
            return new JobFailure(STYLE_NETWORK_NOT_FOUND, "No such fast style network", e.getMessage());
        }
        if (e instanceof RefusedPictureException) {
            return new JobFailure(PICTURE_REFUSED, "A picture was refused by the content policy", e.getMessage());
        }
        return new JobFailure(STYLE_TRANSFER_FAILED, "The style transfer could not be made", e.getMessage());
    }

    private static JobFailure trainingFailureOf(RuntimeException e) {
        if (e instanceof StyleNotFoundException) {
            return new JobFailure(STYLE_NOT_FOUND, "No such style", e.getMessage());
        }
        if (e instanceof ObjectNotFoundException) {
            return new JobFailure(STYLE_PICTURE_NOT_FOUND, "The style's picture is not stored", e.getMessage());
        }
        return new JobFailure(STYLE_TRAINING_FAILED, "The style could not be learned", e.getMessage());
    }
}
