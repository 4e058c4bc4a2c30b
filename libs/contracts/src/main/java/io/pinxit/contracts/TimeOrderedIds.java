package io.pinxit.contracts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes version 7 UUIDs (RFC 9562): the first 48 bits are Unix milliseconds, so ids sort by creation
 * time, which lets listings page by id alone.
 */
public final class TimeOrderedIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The smallest id this class can make at {@code instant}: a bound for "made at or after". */
    public static UUID firstAt(Instant instant) {
        return new UUID((instant.toEpochMilli() << 16) | (0x7L << 12), 0x8000_0000_0000_0000L);
    }
}
