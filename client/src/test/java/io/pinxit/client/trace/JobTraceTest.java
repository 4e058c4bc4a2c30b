package io.pinxit.client.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTraceTest {

    private static final UUID JOB = UUID.fromString("01a25165-aab1-7881-80ed-d5b2a16c1dee");
    private static final String TRACE = "1f27cdbf6a1e4c3b9d0e2f4a5b6c7d8e";

    @TempDir
    Path traces;

    @Test
    void aJobsTraceIsEveryTraceWithASpanNamingItWholeAndIndentedUnderParents() throws IOException {
        Files.writeString(traces.resolve("gateway-service.jsonl"),
                line("gateway-service", span(TRACE, "a1", "", "POST /api/v1/jobs/generations", 0, 9_000_000, true, 1))
                        + "\n" + line("gateway-service", span("ffff", "z9", "", "GET /api/v1/models", 0, 1, false, 1))
                        + "\n");
        Files.writeString(traces.resolve("generation-service.jsonl.1"),
                line("generation-service", span(TRACE, "b2", "a1", "generation job", 10_000_000, 50_000_000, false, 1)
                        + "," + span(TRACE, "c3", "b2", "sign", 20_000_000, 30_000_000, false, 2)) + "\n");

        JobTrace trace = JobTrace.of(JOB, TraceFiles.read(traces));

        assertThat(trace.spans()).extracting(RecordedSpan::name)
                .containsExactly("POST /api/v1/jobs/generations", "generation job", "sign");
        assertThat(trace.lines()).containsExactly(
                "trace " + TRACE + ": 3 spans over 50.0 ms",
                "      +0.0 ms     9.0 ms  gateway-service     POST /api/v1/jobs/generations",
                "     +10.0 ms    40.0 ms  generation-service    generation job",
                "     +20.0 ms    10.0 ms  generation-service      sign  (failed)");
    }

    @Test
    void aJobNoSpanNamesHasNoTraceAndAHalfWrittenLineIsSkipped() throws IOException {
        Files.writeString(traces.resolve("gateway-service.jsonl"),
                line("gateway-service", span(TRACE, "a1", "", "GET /q/health", 0, 1, false, 1)) + "\n{\"resource\":");

        assertThat(TraceFiles.read(traces)).hasSize(1);
        assertThat(JobTrace.of(JOB, TraceFiles.read(traces)).isEmpty()).isTrue();
        assertThat(TraceFiles.read(traces.resolve("none"))).isEqualTo(List.of());
    }

    private static String line(String service, String spans) {
        return """
                {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},\
                "scopeSpans":[{"scope":{"name":"io.quarkus.opentelemetry"},"spans":[%s]}]}"""
                .formatted(service, spans);
    }

    private static String span(String trace, String id, String parent, String name, long start, long end,
                               boolean namesTheJob, int status) {
        String attributes = namesTheJob
                ? "[{\"key\":\"pinxit.job.id\",\"value\":{\"stringValue\":\"" + JOB + "\"}}]" : "[]";
        return """
                {"traceId":"%s","spanId":"%s","parentSpanId":"%s","name":"%s","kind":1,\
                "startTimeUnixNano":"%d","endTimeUnixNano":"%d","attributes":%s,"status":{"code":%d}}"""
                .formatted(trace, id, parent, name, start, end, attributes, status);
    }
}
