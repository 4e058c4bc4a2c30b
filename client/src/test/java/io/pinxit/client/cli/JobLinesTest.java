package io.pinxit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.client.Job;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobLinesTest {

    private static final UUID ID = UUID.fromString("0193a6f0-0000-7000-8000-000000000001");
    private static final Instant CREATED = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aRunningJobWithProgressShowsABarOfIt() {
        Job job = new Job(ID, "STYLE_TRANSFER", "RUNNING", List.of(), new Job.Progress(50, 200, null), null,
                null, CREATED);

        assertThat(JobLines.progress(job)).isEqualTo("running   [#######-----------------------] 50/200");
    }

    @Test
    void aFailedJobSaysWhyAndASucceededOneListsItsArtworks() {
        UUID artwork = UUID.randomUUID();
        Job failed = new Job(ID, "GENERATION", "FAILED", List.of(), null,
                new Job.Failure("urn:pinxit:problem:unknown-model", "The model is not served", "No worker serves x"),
                null, CREATED);
        Job succeeded = new Job(ID, "GENERATION", "SUCCEEDED", List.of(artwork), null, null, null, CREATED);

        assertThat(JobLines.detail(failed)).endsWith("failed: No worker serves x");
        assertThat(JobLines.detail(succeeded)).contains("succeeded", "1 artwork(s)").endsWith("artwork " + artwork);
    }
}
