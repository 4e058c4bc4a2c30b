package io.pinxit.reliability;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that submits jobs at a steady pace on a thread of its own, the way a careful client does: every job under
 * its own Idempotency-Key, sent again with the same key after a 503 (waiting its Retry-After) or a refused
 * connection, until the gateway answers 202. Anything else is a defect it keeps for the test to report.
 */
final class JobStream implements AutoCloseable {

    /** A kind of job the stream sends: its endpoint, its body and how many artworks it must make. */
    record JobTemplate(String kind, String path, String body, int artworks) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final FaultySuite suite;
    private final List<JobTemplate> templates;
    private final Duration pace;
    private final List<AcceptedJob> accepted = new CopyOnWriteArrayList<>();
    private final List<String> defects = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private JobStream(FaultySuite suite, List<JobTemplate> templates, Duration pace) {
        this.suite = suite;
        this.templates = templates;
        this.pace = pace;
        this.thread = new Thread(this::submitUntilClosed, "job-stream");
        thread.setDaemon(true);
    }

    static JobStream start(FaultySuite suite, List<JobTemplate> templates, Duration pace) {
        var stream = new JobStream(suite, templates, pace);
        stream.thread.start();
        return stream;
    }

    /** A client that submits only what it is asked to, through {@link #submit}. */
    static JobStream idle(FaultySuite suite) {
        return new JobStream(suite, List.of(), Duration.ZERO);
    }

    /** Submits one job now, on the caller's thread, retrying as the stream does. */
    AcceptedJob submit(JobTemplate template) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            Response response;
            try {
                response = suite.asAdmin().contentType("application/json").header("Idempotency-Key", key)
                        .body(template.body()).post(template.path());
            } catch (Exception refused) {
                // No gateway listening (RestAssured throws the socket's checked exception undeclared).
                retries.incrementAndGet();
                pause(Duration.ofSeconds(1));
                continue;
            }
            if (response.statusCode() == 202) {
                var job = new AcceptedJob(UUID.fromString(response.path("id")), template.kind(), template.artworks(),
                        Instant.now());
                accepted.add(job);
                return job;
            }
            if (response.statusCode() == 503 && response.header("Retry-After") != null) {
                retries.incrementAndGet();
                pause(Duration.ofSeconds(Long.parseLong(response.header("Retry-After"))));
                continue;
            }
            defects.add(template.kind() + " answered " + response.statusCode() + ": " + response.asString());
            return null;
        }
        defects.add(template.kind() + " was not accepted within " + GIVE_UP_AFTER);
        return null;
    }

    List<AcceptedJob> accepted() {
        return List.copyOf(accepted);
    }

    /** Answers other than 202, or 503 with Retry-After, that the gateway gave: each is a defect. */
    List<String> defects() {
        return List.copyOf(defects);
    }

    /** How many times a submission had to be sent again (503, or no gateway listening). */
    int retries() {
        return retries.get();
    }

    /** Stops submitting; the jobs accepted so far stay for the verdict. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(GIVE_UP_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submitUntilClosed() {
        for (int next = 0; running; next++) {
            submit(templates.get(next % templates.size()));
            pause(pace);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
