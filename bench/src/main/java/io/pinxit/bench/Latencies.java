package io.pinxit.bench;

import java.util.Arrays;

/**
 * The response times one scenario measured, and the figures a benchmark prints about them; {@code serverCpuNanos} is
 * the CPU time the servers spent meanwhile, or -1 where it was not measured.
 */
record Latencies(String scenario, long[] nanos, double seconds, int errors, long serverCpuNanos) {

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

    /** The servers' CPU milliseconds per request, NaN where not measured. */
    double serverCpuMillisPerRequest() {
        return serverCpuNanos < 0 || nanos.length == 0 ? Double.NaN : serverCpuNanos / 1e6 / nanos.length;
    }

    String line() {
        return "%-26s %9d %8.1f %8.2f %8.2f %8.2f %6d %11.3f".formatted(scenario, nanos.length, throughput(),
                percentileMillis(50), percentileMillis(99), percentileMillis(100), errors,
                serverCpuMillisPerRequest());
    }

    static String header() {
        return "%-26s %9s %8s %8s %8s %8s %6s %11s".formatted("scenario", "requests", "req/s", "p50 ms", "p99 ms",
                "max ms", "errors", "cpu ms/req");
    }
}
