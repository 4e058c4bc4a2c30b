package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a running job is: {@code iteration} of {@code total} (an optimisation's steps, say), and, now and then, a
 * small picture of the result as it forms, as a base64 PNG of at most {@link #MAX_PREVIEW_SIDE} pixels a side (no
 * data-URL prefix). Workers send it on RUNNING events; the gateway keeps the latest one on the job.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobProgress(int iteration, int total, String preview) {

    /** The longest side, in pixels, of a preview. */
    public static final int MAX_PREVIEW_SIDE = 64;

    /** The most base64 characters a preview may take: a 64×64 RGBA PNG that did not compress at all fits. */
    public static final int MAX_PREVIEW_CHARS = 32 * 1024;

    public static JobProgress of(int iteration, int total) {
        return new JobProgress(iteration, total, null);
    }

    public JobProgress withPreview(String base64Png) {
        return new JobProgress(iteration, total, base64Png);
    }
}
