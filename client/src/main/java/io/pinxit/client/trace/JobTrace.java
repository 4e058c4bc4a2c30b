package io.pinxit.client.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The traces a job appears in: every trace with a span naming the job ({@code pinxit.job.id}), whole, since most of a
 * job's spans (the Kafka hops, the worker's stages) do not name it themselves. Usually one: the request that submitted
 * it, the worker's work and the gateway applying its events; more when its command was issued again.
 */
public record JobTrace(UUID jobId, List<RecordedSpan> spans) {

    static final String JOB_ID = "pinxit.job.id";

    public JobTrace {
        spans = List.copyOf(spans);
    }

    public static JobTrace of(UUID jobId, List<RecordedSpan> recorded) {
        String id = jobId.toString();
        Set<String> traces = recorded.stream().filter(span -> id.equals(span.attributes().get(JOB_ID)))
                .map(RecordedSpan::traceId).collect(Collectors.toSet());
        return new JobTrace(jobId, recorded.stream().filter(span -> traces.contains(span.traceId()))
                .sorted(Comparator.comparingLong(RecordedSpan::startNanos)).toList());
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /**
     * One line per span, trace by trace: when it started after the trace's first span, how long it took, its service,
     * and its name indented under its parent's.
     */
    public List<String> lines() {
        Map<String, List<RecordedSpan>> byTrace = spans.stream()
                .collect(Collectors.groupingBy(RecordedSpan::traceId, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new ArrayList<>();
        byTrace.forEach((trace, traceSpans) -> {
            long start = traceSpans.get(0).startNanos();
            long end = traceSpans.stream().mapToLong(RecordedSpan::endNanos).max().orElse(start);
            lines.add(String.format(Locale.ROOT, "trace %s: %d spans over %s", trace, traceSpans.size(),
                    millis(end - start)));
            Map<String, Integer> depths = depths(traceSpans);
            for (RecordedSpan span : traceSpans) {
                lines.add(String.format(Locale.ROOT, "  %11s %10s  %-19s %s%s%s",
                        "+" + millis(span.startNanos() - start), millis(span.endNanos() - span.startNanos()),
                        span.service(),
                        "  ".repeat(depths.get(span.spanId())), span.name(), span.failed() ? "  (failed)" : ""));
            }
        });
        return lines;
    }

    /** How deep each span sits under the trace's roots (spans whose parent is not among them). */
    private static Map<String, Integer> depths(List<RecordedSpan> traceSpans) {
        Map<String, RecordedSpan> byId = new HashMap<>();
        traceSpans.forEach(span -> byId.put(span.spanId(), span));
        Map<String, Integer> depths = new HashMap<>();
        for (RecordedSpan span : traceSpans) {
            int depth = 0;
            for (RecordedSpan parent = byId.get(span.parentSpanId()); parent != null && depth < byId.size();
                 parent = byId.get(parent.parentSpanId())) {
                depth++;
            }
            depths.put(span.spanId(), depth);
        }
        return depths;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
