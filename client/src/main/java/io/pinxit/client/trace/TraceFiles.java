package io.pinxit.client.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the spans that the services of a local suite write to {@code <data>/traces/} ({@code TraceExport}): one file
 * per service, rotated ones beside it ({@code gateway-service.jsonl.1}), each line one OTLP {@code ResourceSpans} in
 * JSON. A line that does not parse (the last one while it is being written) is skipped.
 */
public final class TraceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OTLP_STATUS_ERROR = 2;

    private TraceFiles() {
    }

    public static List<RecordedSpan> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<RecordedSpan> spans = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(TraceFiles::isTraceFile).sorted().toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.forEach(line -> spans.addAll(parse(line)));
                }
            }
        }
        return spans;
    }

    /** The spans of one line; none if it is not a complete {@code ResourceSpans}. */
    static List<RecordedSpan> parse(String line) {
        JsonNode resourceSpans;
        try {
            resourceSpans = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (resourceSpans == null || !resourceSpans.has("scopeSpans")) {
            return List.of();
        }
        String service = attributes(resourceSpans.path("resource").path("attributes"))
                .getOrDefault("service.name", "unknown");
        List<RecordedSpan> spans = new ArrayList<>();
        for (JsonNode scope : resourceSpans.path("scopeSpans")) {
            for (JsonNode span : scope.path("spans")) {
                spans.add(new RecordedSpan(span.path("traceId").asText(), span.path("spanId").asText(),
                        span.path("parentSpanId").asText(""), service, span.path("name").asText(),
                        span.path("startTimeUnixNano").asLong(), span.path("endTimeUnixNano").asLong(),
                        attributes(span.path("attributes")),
                        span.path("status").path("code").asInt() == OTLP_STATUS_ERROR));
            }
        }
        return spans;
    }

    private static boolean isTraceFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") || name.matches(".*\\.jsonl\\.\\d+");
    }

    /** OTLP key-values, each value as text whatever its type. */
    private static Map<String, String> attributes(JsonNode keyValues) {
        Map<String, String> attributes = new HashMap<>();
        for (JsonNode keyValue : keyValues) {
            JsonNode value = keyValue.path("value");
            if (value.fields().hasNext()) {
                attributes.put(keyValue.path("key").asText(), value.fields().next().getValue().asText());
            }
        }
        return attributes;
    }
}
