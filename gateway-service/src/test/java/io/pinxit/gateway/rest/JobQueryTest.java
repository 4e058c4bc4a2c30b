package io.pinxit.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.gateway.service.JobFilter;
import io.pinxit.problem.ProblemException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobQueryTest {

    private static final UUID ME = UUID.randomUUID();

    @Test
    void withoutParametersItIsEveryJobOfTheCaller() {
        JobFilter filter = JobQuery.parse(ME, false, null, null, null, null, null, null);

        assertThat(filter).isEqualTo(new JobFilter(Optional.of(ME), Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void listsOfNamesTakeAnyCaseAndSpacesAfterCommas() {
        JobFilter filter = JobQuery.parse(ME, false, "queued, Running", "style_transfer,UPSCALE", "emoji-vae",
                "2026-12-07T09:00:00Z", "2026-12-07T11:00:00+01:00", null);

        assertThat(filter.states()).containsExactlyInAnyOrder(JobState.QUEUED, JobState.RUNNING);
        assertThat(filter.kinds()).containsExactlyInAnyOrder(JobKind.STYLE_TRANSFER, JobKind.UPSCALE);
        assertThat(filter.model()).contains("emoji-vae");
        assertThat(filter.from()).contains(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(filter.until()).contains(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void anAdministratorMayAskForOneAuthorOrAll() {
        UUID someone = UUID.randomUUID();

        assertThat(JobQuery.parse(ME, true, null, null, null, null, null, someone.toString()).authorId())
                .contains(someone);
        assertThat(JobQuery.parse(ME, true, null, null, null, null, null, "all").authorId()).isEmpty();
        assertThat(JobQuery.parse(ME, false, null, null, null, null, null, ME.toString()).authorId()).contains(ME);
    }

    @Test
    void anyoneElseIsForbiddenOtherAuthors() {
        assertThatThrownBy(() -> JobQuery.parse(ME, false, null, null, null, null, null, "all"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> JobQuery.parse(ME, false, null, null, null, null, null,
                UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void mistakesNameTheirParameter() {
        assertRefused("state", () -> JobQuery.parse(ME, false, "QUEUED,DONE", null, null, null, null, null));
        assertRefused("kind", () -> JobQuery.parse(ME, false, null, "PAINTING", null, null, null, null));
        assertRefused("from", () -> JobQuery.parse(ME, false, null, null, null, "2026-12-07", null, null));
        assertRefused("until", () -> JobQuery.parse(ME, false, null, null, null, "2026-12-07T10:00:00Z",
                "2026-12-07T10:00:00Z", null));
        assertRefused("author", () -> JobQuery.parse(ME, true, null, null, null, null, null, "everyone"));
    }

    private static void assertRefused(String field, Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors()).extracting("field").containsExactly(field);
        });
    }
}
