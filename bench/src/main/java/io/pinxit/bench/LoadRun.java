package io.pinxit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;

/**
 * Closed-loop load: {@code clients} threads each send the scenario's next request as soon as the last one answered,
 * first for a warm-up that is not counted, then for the measured time, over which the servers' CPU time is read too.
 * With several servers, client i asks server i modulo their number, as a load balancer that spreads connections would.
 * A request answered 200, or 304 to a conditional one, counts as served.
 */
final class LoadRun {

    /** A scenario's requests: given a client's random source and its previous answer, the next path to ask for. */
    interface Scenario {
        String name();

        String nextPath(SplittableRandom random, String previousBody);

        /** The headers a request for {@code path} carries, such as a validator it already holds. */
        default Map<String, String> headersFor(String path) {
            return Map.of();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> servers;
    private final int clients;
    private final Duration warmup;
    private final Duration measure;
    private final LongSupplier serverCpuNanos;

    /** {@code serverCpuNanos}: the CPU time the servers have used so far. */
    LoadRun(List<URI> servers, int clients, Duration warmup, Duration measure, LongSupplier serverCpuNanos) {
        this.servers = List.copyOf(servers);
        this.clients = clients;
        this.warmup = warmup;
        this.measure = measure;
        this.serverCpuNanos = serverCpuNanos;
    }

    Latencies run(Scenario scenario, long seed) throws InterruptedException {
        drive(scenario, seed, warmup);
        long cpuBefore = serverCpuNanos.getAsLong();
        var measured = drive(scenario, seed + 1, measure);
        return new Latencies(measured.scenario(), measured.nanos(), measured.seconds(), measured.errors(),
                serverCpuNanos.getAsLong() - cpuBefore);
    }

    private Latencies drive(Scenario scenario, long seed, Duration duration) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var errors = new AtomicInteger();
        long deadline = System.nanoTime() + duration.toNanos();
        var seeds = new SplittableRandom(seed);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            SplittableRandom random = seeds.split();
            URI server = servers.get(client % servers.size());
            results.add(pool.submit(() -> client(server, scenario, random, deadline, (path, status) -> {
                if (errors.getAndIncrement() == 0) {
                    System.err.printf("%s: first unexpected answer, %d to GET %s%n", scenario.name(), status, path);
                }
            })));
        }
        pool.shutdown();
        List<long[]> perClient = new ArrayList<>();
        for (Future<long[]> result : results) {
            try {
                perClient.add(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("A load client failed", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        return new Latencies(scenario.name(), all, seconds, errors.get(), -1);
    }

    private long[] client(URI base, Scenario scenario, SplittableRandom random, long deadline,
                          ObjIntConsumer<String> onError)
            throws IOException, InterruptedException {
        var timings = new LongList();
        String previous = null;
        while (System.nanoTime() < deadline) {
            String path = scenario.nextPath(random, previous);
            var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
            scenario.headersFor(path).forEach(request::header);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            timings.add(System.nanoTime() - start);
            if (response.statusCode() != 200 && response.statusCode() != 304) {
                onError.accept(path, response.statusCode());
                previous = null;
            } else {
                previous = response.body();
            }
        }
        return timings.toArray();
    }

    /** A growable list of primitive longs: a million boxed timings would disturb what they measure. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static Scenario scenario(String name, Function<SplittableRandom, String> firstPage, Function<String, String> next,
                             int pagesPerScroll) {
        return new Scenario() {
            private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

            @Override
            public String name() {
                return name;
            }

            @Override
            public String nextPath(SplittableRandom random, String previousBody) {
                String following = previousBody == null ? null : next.apply(previousBody);
                if (following == null || depth.get() >= pagesPerScroll) {
                    depth.set(1);
                    return firstPage.apply(random);
                }
                depth.set(depth.get() + 1);
                return following;
            }
        };
    }
}
