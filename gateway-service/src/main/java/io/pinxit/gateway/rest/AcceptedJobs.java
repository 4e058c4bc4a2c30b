package io.pinxit.gateway.rest;

import io.pinxit.gateway.security.Caller;
import io.pinxit.gateway.service.Author;
import io.pinxit.gateway.service.DuplicateIdempotencyKeyException;
import io.pinxit.gateway.service.JobAcceptance;
import io.pinxit.gateway.service.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;

/** Answers every job submission alike: 202 with the job, its Location, and whether an Idempotency-Key replayed it. */
@ApplicationScoped
class AcceptedJobs {

    static final String IDEMPOTENCY_KEY = "[\\x21-\\x7e]{1,255}";
    static final String IDEMPOTENCY_KEY_MESSAGE = "must be 1 to 255 visible ASCII characters";

    private final JobAcceptance acceptance;
    private final JobViews views;
    private final Caller caller;

    AcceptedJobs(JobAcceptance acceptance, JobViews views, Caller caller) {
        this.acceptance = acceptance;
        this.views = views;
        this.caller = caller;
    }

    /**
     * Submits as the caller; a submission that lost a race with another under the same Idempotency-Key answers with
     * the winner's job. {@code request} is what the key stands for, as the submission fingerprints it.
     */
    Response submit(Object request, String idempotencyKey, BiFunction<Author, Optional<String>, Submission> submit) {
        var author = new Author(caller.accountId(), caller.name());
        Submission accepted;
        try {
            accepted = submit.apply(author, Optional.ofNullable(idempotencyKey));
        } catch (DuplicateIdempotencyKeyException raced) {
            accepted = acceptance.replay(request, author, idempotencyKey);
        }
        JobView view = views.of(accepted.job());
        return Response.accepted(view).location(URI.create(view.links().get("self")))
                .header("Idempotent-Replayed", Boolean.toString(accepted.replayed())).build();
    }
}
