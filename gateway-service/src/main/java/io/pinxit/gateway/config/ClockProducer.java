package io.pinxit.gateway.config;

import io.pinxit.contracts.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The service's one clock, and the id source that reads it. */
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    TimeOrderedIds ids(Clock clock) {
        return new TimeOrderedIds(clock);
    }
}
