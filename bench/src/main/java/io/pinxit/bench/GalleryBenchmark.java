package io.pinxit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.ArtworkFilter;
import io.pinxit.catalog.ArtworkKind;
import io.pinxit.infra.LoopbackPorts;
import io.pinxit.infra.PostgresServer;
import io.pinxit.infra.S3Server;
import io.pinxit.launcher.ServiceProcess;
import io.pinxit.launcher.ServiceSpec;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.ObjectStoreSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The gallery with a million artworks: loads them into a fresh PostgreSQL with COPY, stores thumbnails for the
 * newest public ones, starts the packaged gallery-service against it, prints the query plans the listings rely on,
 * then drives each listing (JSON and HTML, plain, filtered and searched) and the thumbnails (fetched, and
 * revalidated) with concurrent clients over loopback, and prints p50/p99/throughput and the gallery's CPU time a
 * request.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:exec@gallery}; add
 * {@code -Dgalleries=2} for two gallery processes on the one database, {@code -Donly="json list,html grid"} for some
 * scenarios only.
 */
public final class GalleryBenchmark {

    private static final Pattern JSON_NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    private static final Pattern HTML_NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final int JSON_PAGE = 50;
    private static final int PAGES_PER_SCROLL = 10;
    private static final int FIRST_PASS_SECONDS = 5;
    /** Stored thumbnails, for the image scenarios; about two grid pages' worth per client. */
    private static final int THUMBNAILS = 2_000;
    /** The bucket the gallery reads when none is configured (pinxit.storage.bucket). */
    private static final String GALLERY_BUCKET = "pinxit-artworks";

    private GalleryBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        var options = Options.parse(arguments);
        Path work = options.workDirectory().toAbsolutePath();
        WorkDirectory.fresh(work);
        Instant newest = Instant.now().truncatedTo(ChronoUnit.DAYS);
        var fixtures = new ArtworkFixtures(options.seed(), newest);
        try (var postgres = PostgresServer.start(work.resolve("postgres"), 0, false);
             var s3 = S3Server.start(work.resolve("s3"), 0, false)) {
            List<ServiceProcess> galleries = new ArrayList<>();
            try {
                for (int process = 0; process < options.galleries(); process++) {
                    galleries.add(startGallery(postgres, s3,
                            Files.createDirectories(work.resolve("gallery-" + process))));
                }
                var dataSource = new PGSimpleDataSource();
                dataSource.setUrl(postgres.jdbcUrl());
                dataSource.setUser(postgres.username());
                dataSource.setPassword(postgres.password());
                load(dataSource, fixtures, options.artworks());
                var thumbnails = ThumbnailFixtures.store(dataSource, objectStore(s3), THUMBNAILS, options.seed());
                printPlans(dataSource, fixtures, newest);
                measure(galleries, fixtures, thumbnails, newest, options);
            } finally {
                galleries.forEach(ServiceProcess::close);
            }
        }
    }

    /** The gallery needs only PostgreSQL and object storage, so the benchmark starts no Kafka. */
    private static ServiceProcess startGallery(PostgresServer postgres, S3Server s3, Path work) {
        var properties = Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "pinxit.storage.endpoint", s3.endpoint(),
                "pinxit.storage.access-key", s3.accessKey(),
                "pinxit.storage.secret-key", s3.secretKey(),
                "quarkus.log.level", "WARN");
        Path repository = Path.of("").toAbsolutePath();
        var gallery = ServiceProcess.start(ServiceSpec.built(repository, "gallery-service", LoopbackPorts.pickFree(),
                properties, Map.of()), work);
        Runtime.getRuntime().addShutdownHook(new Thread(gallery::close, "stop-gallery"));
        gallery.awaitReady(Duration.ofMinutes(2));
        System.out.printf("gallery-service ready at %s (log %s)%n", gallery.url(), gallery.logFile());
        return gallery;
    }

    private static void load(PGSimpleDataSource dataSource, ArtworkFixtures fixtures, int artworks)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            fixtures.load(connection, artworks);
            long loaded = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // Freezing sets the hint bits a long-lived catalog has long had; otherwise the first reads rewrite every page.
                statement.execute("vacuum (freeze, analyze) catalog.artwork");
                long vacuumed = System.nanoTime();
                // The load and the freeze leave a gigabyte of dirty pages; written out during the first scenarios, they
                // would take their CPU and disk and make them seem slow.
                statement.execute("checkpoint");
                System.out.printf("loaded %,d artworks with COPY in %.1f s, vacuum (freeze, analyze) %.1f s, "
                        + "checkpoint %.1f s%n", artworks, (loaded - started) / 1e9, (vacuumed - loaded) / 1e9,
                        (System.nanoTime() - vacuumed) / 1e9);
                try (ResultSet sizes = statement.executeQuery("""
                        select pg_size_pretty(pg_table_size('catalog.artwork')),
                               pg_size_pretty(pg_indexes_size('catalog.artwork'))""")) {
                    sizes.next();
                    System.out.printf("table %s, indexes %s%n", sizes.getString(1), sizes.getString(2));
                }
            }
        }
    }

    /** The plans behind each listing, run once with the same parameters the load uses. */
    private static void printPlans(PGSimpleDataSource dataSource, ArtworkFixtures fixtures, Instant newest) {
        var catalog = new ArtworkCatalog(dataSource, new ObjectMapper().registerModule(new JavaTimeModule()));
        LocalDate midYear = LocalDate.ofInstant(newest, ZoneOffset.UTC).minusDays(180);
        Map<String, ArtworkFilter> filters = new LinkedHashMap<>();
        filters.put("newest", ArtworkFilter.NONE);
        filters.put("model", new ArtworkFilter("emoji-vae", null, null, null, null, null, null));
        filters.put("kind", new ArtworkFilter(null, ArtworkKind.UPSCALED, null, null, null, null, null));
        filters.put("author", new ArtworkFilter(null, null, fixtures.authors().get(100), null, null, null, null));
        filters.put("licence", new ArtworkFilter(null, null, null, "MIT", null, null, null));
        filters.put("week", new ArtworkFilter(null, null, null, null, midYear, midYear.plusDays(6), null));
        filters.put("search, common word", new ArtworkFilter(null, null, null, null, null, null, "sunflower"));
        filters.put("search, rare word", new ArtworkFilter(null, null, null, null, null, null, "mask"));
        filters.put("search and model", new ArtworkFilter("emoji-cgan", null, null, null, null, null, "cat"));
        filters.forEach((name, filter) -> System.out.printf("%n-- plan: %s%n%s", name,
                catalog.explainList(filter, JSON_PAGE + 1, Optional.empty(), Optional.empty())));
        System.out.printf("%n-- plan: newest, a signed-in viewer%n%s", catalog.explainList(ArtworkFilter.NONE,
                JSON_PAGE + 1, Optional.empty(), Optional.of(fixtures.authors().get(3))));
    }

    private static void measure(List<ServiceProcess> processes, ArtworkFixtures fixtures,
                                List<ThumbnailFixtures.Stored> thumbnails, Instant newest, Options options)
            throws InterruptedException {
        List<URI> galleries = processes.stream().map(ServiceProcess::url).toList();
        List<Long> pids = processes.stream().map(ServiceProcess::pid).toList();
        var load = new LoadRun(galleries, options.clients(), Duration.ofSeconds(options.warmupSeconds()),
                Duration.ofSeconds(options.measureSeconds()), () -> ProcessCpu.nanos(pids));
        LocalDate today = LocalDate.ofInstant(newest, ZoneOffset.UTC);
        List<LoadRun.Scenario> scenarios = new ArrayList<>();
        scenarios.add(json("json list", "", today));
        scenarios.add(html("html grid", "", today));
        scenarios.add(json("json model filter", "model=emoji-vae", today));
        scenarios.add(json("json kind filter", "kind=upscaled", today));
        scenarios.add(json("json licence filter", "licence=MIT", today));
        scenarios.add(LoadRun.scenario("json author filter",
                random -> "/api/v1/artworks?limit=" + JSON_PAGE + "&author=" + someAuthor(fixtures, random),
                body -> null, 1));
        scenarios.add(LoadRun.scenario("json one week",
                random -> {
                    LocalDate from = today.minusDays(7 + random.nextInt(350));
                    return "/api/v1/artworks?limit=" + JSON_PAGE + "&from=" + from + "&until=" + from.plusDays(6);
                }, body -> null, 1));
        scenarios.add(json("json search common word", "q=sunflower", today));
        scenarios.add(json("json search rare word", "q=mask", today));
        scenarios.add(json("json search + model", "q=cat&model=emoji-cgan", today));
        scenarios.add(html("html search + kind", "q=lighthouse&kind=generated", today));
        scenarios.add(thumbnails("thumbnail", thumbnails, false));
        scenarios.add(thumbnails("thumbnail revalidated", thumbnails, true));
        scenarios.removeIf(scenario -> !options.only().isEmpty() && !options.only().contains(scenario.name()));
        System.out.printf("%n%d clients on %d gallery process(es); every scenario once for %d s, then each %d s "
                        + "warm-up, %d s measured; scrolls of up to %d pages from a random day of the year%n%s%n",
                options.clients(), galleries.size(),
                FIRST_PASS_SECONDS, options.warmupSeconds(), options.measureSeconds(), PAGES_PER_SCROLL,
                Latencies.header());
        // A fresh JVM compiles its hot paths during its first minute or two under load, on the cores the load needs:
        // every scenario runs once, unmeasured, before any is measured, so that the first ones are not the slowest
        // for that alone.
        var firstPass = new LoadRun(galleries, options.clients(), Duration.ofSeconds(FIRST_PASS_SECONDS),
                Duration.ofSeconds(1), () -> ProcessCpu.nanos(pids));
        long seed = options.seed();
        for (LoadRun.Scenario scenario : scenarios) {
            firstPass.run(scenario, seed);
        }
        for (LoadRun.Scenario scenario : scenarios) {
            System.out.println(load.run(scenario, seed++).line());
        }
    }

    /** A JSON listing scrolled page by page, starting on a random day of the year. */
    private static LoadRun.Scenario json(String name, String filters, LocalDate today) {
        String listing = "/api/v1/artworks?limit=" + JSON_PAGE + (filters.isEmpty() ? "" : "&" + filters);
        return LoadRun.scenario(name,
                random -> listing + "&until=" + today.minusDays(random.nextInt(365)),
                body -> matched(JSON_NEXT.matcher(body)).map(cursor -> listing + "&cursor=" + cursor).orElse(null),
                PAGES_PER_SCROLL);
    }

    /** The grid page scrolled by its Older link, starting on a random day of the year. */
    private static LoadRun.Scenario html(String name, String filters, LocalDate today) {
        String grid = "/?" + (filters.isEmpty() ? "" : filters + "&");
        return LoadRun.scenario(name,
                random -> grid + "until=" + today.minusDays(random.nextInt(365)),
                body -> matched(HTML_NEXT.matcher(body)).map(href -> href.replace("&amp;", "&")).orElse(null),
                PAGES_PER_SCROLL);
    }

    /**
     * Thumbnails of random artworks among those stored, as a grid's images are fetched: by a browser that has none of
     * them, or by one that holds each and asks whether it changed (If-None-Match with its entity tag, answered 304).
     */
    private static LoadRun.Scenario thumbnails(String name, List<ThumbnailFixtures.Stored> stored,
                                               boolean revalidated) {
        Map<String, String> tags = new HashMap<>();
        stored.forEach(thumbnail -> tags.put(thumbnailPath(thumbnail), "\"" + thumbnail.key() + "\""));
        return new LoadRun.Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String nextPath(SplittableRandom random, String previousBody) {
                return thumbnailPath(stored.get(random.nextInt(stored.size())));
            }

            @Override
            public Map<String, String> headersFor(String path) {
                return revalidated ? Map.of("If-None-Match", tags.get(path)) : Map.of();
            }
        };
    }

    private static String thumbnailPath(ThumbnailFixtures.Stored thumbnail) {
        return "/api/v1/artworks/" + thumbnail.artworkId() + "/thumbnail";
    }

    private static ObjectStore objectStore(S3Server s3) {
        return new ObjectStore(new ObjectStoreSettings(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                GALLERY_BUCKET));
    }

    private static Optional<String> matched(Matcher matcher) {
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Authors as skewed as the fixtures: most requests are for prolific ones. */
    private static UUID someAuthor(ArtworkFixtures fixtures, SplittableRandom random) {
        return fixtures.authors().get((int) Math.floor(Math.pow(random.nextDouble(), 3) * ArtworkFixtures.AUTHORS));
    }

    /**
     * {@code galleries}: how many gallery processes share the database (clients are spread over them); {@code only}:
     * the names of the scenarios to run, all when empty.
     */
    private record Options(int artworks, int clients, int galleries, List<String> only, int warmupSeconds,
                           int measureSeconds, long seed, Path workDirectory) {

        static Options parse(String[] arguments) {
            var values = Arguments.of(arguments);
            return new Options(Integer.parseInt(values.getOrDefault("artworks", "1000000")),
                    Integer.parseInt(values.getOrDefault("clients", "8")),
                    Integer.parseInt(values.getOrDefault("galleries", "1")),
                    Stream.of(values.getOrDefault("only", "").split(",")).map(String::strip)
                            .filter(name -> !name.isEmpty()).toList(),
                    Integer.parseInt(values.getOrDefault("warmup-seconds", "5")),
                    Integer.parseInt(values.getOrDefault("measure-seconds", "20")),
                    Long.parseLong(values.getOrDefault("seed", "20261123")),
                    Path.of(values.getOrDefault("work-dir", "bench/target/gallery-bench")));
        }
    }
}
