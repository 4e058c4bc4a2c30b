package io.pinxit.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one scenario did to the jobs it accepted: how many ended SUCCEEDED or FAILED (by reason), how often clients
 * had to send a submission again, how many jobs the gateway issued more than once, and how long after the fault a
 * new job took to succeed.
 */
record ScenarioResult(String scenario, int accepted, int succeeded, Map<String, Long> failedByReason,
                      int clientRetries, long reissued, Duration recovery) {

    static final String HEADER = "| scenario | accepted | succeeded | failed (reason) | client retries | re-issued jobs "
            + "| recovery |\n|---|---|---|---|---|---|---|";

    String row() {
        String failed = failedByReason.isEmpty() ? "0" : failedByReason.entrySet().stream()
                .map(entry -> entry.getValue() + " (" + entry.getKey() + ")").collect(Collectors.joining(", "));
        return String.format("| %s | %d | %d | %s | %d | %d | %.1f s |", scenario, accepted, succeeded, failed,
                clientRetries, reissued, recovery.toMillis() / 1000.0);
    }
}
