package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenAndSortByCreationTime() {
        var earlier = new TimeOrderedIds(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).next();
        var later = new TimeOrderedIds(Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC)).next();

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.compareTo(later)).isNegative();
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        var ids = new TimeOrderedIds(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        UUID first = ids.next();
        assertThat(ids.next()).isNotEqualTo(first);
    }

    @Test
    void firstAtBoundsTheIdsMadeFromThatInstantOn() {
        Instant midnight = Instant.parse("2026-03-01T00:00:00Z");
        UUID bound = TimeOrderedIds.firstAt(midnight);
        var justBefore = new TimeOrderedIds(Clock.fixed(midnight.minusMillis(1), ZoneOffset.UTC)).next();
        var atMidnight = new TimeOrderedIds(Clock.fixed(midnight, ZoneOffset.UTC)).next();

        assertThat(justBefore.compareTo(bound)).isNegative();
        assertThat(atMidnight.compareTo(bound)).isNotNegative();
    }
}
