package io.pinxit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.ImageGenerator;
import io.pinxit.inference.ModelCatalog;
import io.pinxit.inference.ModelLoader;
import io.pinxit.launcher.LocalCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole running suite as a client sees it, against the model alone in the same run: the overhead of a one-picture
 * job, recorded artworks per second under load, where a worker's time goes per artwork, and how long a small job,
 * and a bulk one, of one account wait behind a backlog of another's. Needs the suite running ({@code ./pinxit up -d});
 * reads the local admin key from its data folder ({@code --data-directory}, {@code data}).
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./pinxit up -d && ./mvnw -B -q -pl bench exec:exec@suite}.
 */
public final class SuiteBenchmark {

    private static final String MODEL = "emoji-dcgan";

    private final SuiteClient admin;
    private final Options options;

    private SuiteBenchmark(SuiteClient admin, Options options) {
        this.admin = admin;
        this.options = options;
    }

    public static void main(String[] arguments) throws Exception {
        var options = Options.parse(arguments);
        DjlRuntime.configure();
        String key = Files.readString(LocalCredentials.adminKeyFile(Path.of(options.dataDirectory()))).strip();
        var benchmark = new SuiteBenchmark(new SuiteClient(options.gateway(), key), options);
        System.out.printf("suite at %s, %s; model alone on %s; %d clients, %d s warm-up, %d s measured, "
                        + "%d bulk jobs%n", options.gateway(), MODEL, DjlRuntime.platform(), options.clients(),
                options.warmupSeconds(), options.measureSeconds(), options.backlog());
        benchmark.run();
    }

    private void run() throws Exception {
        ModelOnly model = modelOnly();
        System.out.printf("model alone: %.2f ms a picture at batch 1; best %.0f pictures/s at batch %d%n",
                model.millisAtBatchOne(), model.bestPicturesPerSecond(), model.bestBatch());

        Map<String, double[]> beforeSequential = admin.recordingStages(options.generationMetrics());
        Latencies unloaded = oneAfterAnother(options.sequentialJobs());
        Map<String, double[]> afterSequential = admin.recordingStages(options.generationMetrics());
        double unloadedMedian = unloaded.percentileMillis(50);
        System.out.printf("one-picture jobs one after another (%d): submit → SUCCEEDED p50 %.1f ms, p99 %.1f ms; "
                        + "overhead over the model p50 %.1f ms, p99 %.1f ms%n", unloaded.nanos().length, unloadedMedian,
                unloaded.percentileMillis(99), unloadedMedian - model.millisAtBatchOne(),
                unloaded.percentileMillis(99) - model.millisAtBatchOne());
        printStages(beforeSequential, afterSequential);

        for (int count : List.of(16, 1)) {
            Map<String, double[]> before = admin.recordingStages(options.generationMetrics());
            double artworksPerSecond = throughput(count, options.clients());
            Map<String, double[]> after = admin.recordingStages(options.generationMetrics());
            System.out.printf("%d-picture jobs from %d clients: %.1f artworks/s recorded, %.3f of the model's best%n",
                    count, options.clients(), artworksPerSecond, artworksPerSecond / model.bestPicturesPerSecond());
            printStages(before, after);
        }

        double behindBacklog = behindABacklog(options.backlog(), 1);
        System.out.printf("a one-picture job behind %d bulk jobs of another account: %.0f ms to SUCCEEDED, %.1f× its "
                + "unloaded p50%n", options.backlog(), behindBacklog, behindBacklog / unloadedMedian);
        double bulkBehindBacklog = behindABacklog(options.backlog(), 16);
        System.out.printf("a 16-picture job (the same lane) behind %d bulk jobs of another account: %.0f ms to "
                + "SUCCEEDED%n", options.backlog(), bulkBehindBacklog);
    }

    private record ModelOnly(double millisAtBatchOne, double bestPicturesPerSecond, int bestBatch) {
    }

    private static ModelOnly modelOnly() {
        var catalog = ModelCatalog.fromClasspath();
        try (ImageGenerator generator = new ModelLoader(catalog).load(catalog.find(MODEL).orElseThrow())) {
            double atOne = InferenceBenchmark.medianSeconds(run -> generator.generate(1, 1)) * 1000;
            double best = 0;
            int bestBatch = 1;
            for (int batch : List.of(4, 16, 64)) {
                double perSecond = batch / InferenceBenchmark.medianSeconds(run -> generator.generate(1, batch));
                if (perSecond > best) {
                    best = perSecond;
                    bestBatch = batch;
                }
            }
            return new ModelOnly(atOne, best, bestBatch);
        }
    }

    /** The time from submit to SUCCEEDED of each one-picture job, run one at a time after ten unmeasured. */
    private Latencies oneAfterAnother(int jobs) {
        for (int i = 0; i < 10; i++) {
            admin.submitAndFollow(1);
        }
        long[] nanos = new long[jobs];
        long first = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            long start = System.nanoTime();
            admin.submitAndFollow(1);
            nanos[i] = System.nanoTime() - start;
        }
        return new Latencies("one-picture jobs", nanos, (System.nanoTime() - first) / 1e9, 0, -1);
    }

    /** Artworks recorded per second while {@code clients} each submit a job and follow it to its end, again and again. */
    private double throughput(int count, int clients) throws Exception {
        AtomicInteger artworks = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(options.warmupSeconds() + options.measureSeconds()).toNanos();
        long measureFrom = System.nanoTime() + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        JsonNode job = admin.submitAndFollow(count);
                        if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
                            artworks.addAndGet(job.path("artworkIds").size());
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        return artworks.get() / (double) options.measureSeconds();
    }

    /** What each recording stage of the generation worker took per artwork between two readings of its metrics. */
    private static void printStages(Map<String, double[]> before, Map<String, double[]> after) {
        double artworks = after.get("artworks")[0] - before.getOrDefault("artworks", new double[] {0})[0];
        var line = new StringBuilder("  worker time per artwork by stage (ms):");
        double total = 0;
        for (var stage : after.entrySet()) {
            if (stage.getKey().equals("artworks")) {
                continue;
            }
            double seconds = stage.getValue()[0] - before.getOrDefault(stage.getKey(), new double[] {0})[0];
            total += seconds;
            line.append(" %s %.2f".formatted(stage.getKey(), seconds * 1000 / artworks));
        }
        System.out.println(line.append(" — total %.2f over %.0f artworks".formatted(total * 1000 / artworks,
                artworks)));
    }

    /**
     * Another account fills the queue with {@code backlog} 16-picture jobs; then a job of {@code count} pictures is
     * timed from submit to SUCCEEDED. The backlog is cancelled afterwards.
     */
    private double behindABacklog(int backlog, int count) {
        SuiteClient bulk = admin.newAccount("bulk-" + System.currentTimeMillis());
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            queued.add(bulk.submit(16).path("id").asText());
        }
        SuiteClient other = admin.newAccount("other-" + System.currentTimeMillis());
        long start = System.nanoTime();
        other.submitAndFollow(count);
        double millis = (System.nanoTime() - start) / 1e6;
        queued.forEach(bulk::cancel);
        return millis;
    }

    /** The benchmark's parameters, each {@code --name=value}. */
    record Options(String gateway, String generationMetrics, String dataDirectory, int clients, int warmupSeconds, int measureSeconds,
                   int sequentialJobs, int backlog) {

        static Options parse(String[] arguments) {
            Map<String, String> given = Arguments.of(arguments);
            return new Options(given.getOrDefault("gateway", "http://localhost:8080"),
                    given.getOrDefault("generation-metrics", "http://localhost:8081/q/metrics"),
                    given.getOrDefault("data-directory", "data"),
                    Integer.parseInt(given.getOrDefault("clients", "8")),
                    Integer.parseInt(given.getOrDefault("warmup-seconds", "10")),
                    Integer.parseInt(given.getOrDefault("measure-seconds", "30")),
                    Integer.parseInt(given.getOrDefault("sequential-jobs", "100")),
                    Integer.parseInt(given.getOrDefault("backlog", "200")));
        }
    }
}
