package io.pinxit.bench;

import java.util.Arrays;

/** The response times one scenario measured, and the figures a benchmark prints about them. */
record Latencies(String scenario, long[] nanos, double seconds, int errors) {

    Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double percentileMillis(double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }

    double throughput() {
        return nanos.length / seconds;
    }

    String line() {
        return "%-26s %9d %8.1f %8.2f %8.2f %8.2f %6d".formatted(scenario, nanos.length, throughput(),
                percentileMillis(50), percentileMillis(99), percentileMillis(100), errors);
    }

    static String header() {
        return "%-26s %9s %8s %8s %8s %8s %6s".formatted("scenario", "requests", "req/s", "p50 ms", "p99 ms",
                "max ms", "errors");
    }
}
