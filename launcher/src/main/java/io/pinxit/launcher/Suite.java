package io.pinxit.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.pinxit.infra.LocalInfrastructure;
import io.pinxit.infra.LoopbackPorts;

/**
 * The whole of Pinxit on one machine: local infrastructure plus the four services as child JVMs. `./pinxit up` and
 * the end-to-end tests both run it through this class.
 */
public final class Suite implements AutoCloseable {

    /** Service module names and their fixed local ports, in the order requests flow through them. */
    public static final Map<String, Integer> SERVICE_PORTS = orderedPorts();
    /**
     * The style worker trains and optimises (backward passes), which went NaN now and then on oneDNN's AVX2 and
     * AVX-512 kernels and never on its SSE4.1 ones (docs/numerics.md).
     */
    private static final Map<String, Map<String, String>> ENVIRONMENT =
            Map.of("style-service", Map.of("ONEDNN_MAX_CPU_ISA", "SSE41"));

    private static final Logger LOG = Logger.getLogger(Suite.class);

    private final LocalInfrastructure infrastructure;
    private final ServiceSupervisor services;

    private Suite(LocalInfrastructure infrastructure, ServiceSupervisor services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /**
     * Starts the infrastructure, then all four services at once, and returns when every service reports ready.
     * Whatever started is stopped again if anything fails.
     *
     * @throws ServiceStartException  when a service is not built, exits, or is not ready within the timeout
     * @throws io.pinxit.infra.InfrastructureException when Kafka, PostgreSQL or the S3 server cannot start
     */
    public static Suite start(SuiteSettings settings) {
        List<ServiceSpec> specs = specs(settings);
        List<String> unbuilt = specs.stream()
                .filter(spec -> !Files.isRegularFile(spec.jar()))
                .map(spec -> spec.jar().toString())
                .toList();
        if (!unbuilt.isEmpty()) {
            throw new ServiceStartException("Services not built: " + String.join(", ", unbuilt)
                    + ". Build the suite with ./mvnw -B -DskipTests install");
        }
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings.infrastructure());
        var started = new LinkedHashMap<String, ServiceProcess>();
        var wired = new LinkedHashMap<String, ServiceSpec>();
        try {
            for (ServiceSpec spec : specs) {
                var withInfrastructure = new HashMap<>(infrastructure.connectionProperties());
                withInfrastructure.putAll(spec.systemProperties());
                var service = new ServiceSpec(spec.name(), spec.jar(), spec.port(), withInfrastructure,
                        spec.environment());
                wired.put(spec.name(), service);
                started.put(spec.name(), ServiceProcess.start(service, settings.dataDirectory()));
            }
            awaitAllReady(started.values(), settings.readyTimeout());
        } catch (RuntimeException e) {
            // Stopping waits on the child JVMs; an interrupt (Ctrl-C during start-up) must not cut that short.
            boolean interrupted = Thread.interrupted();
            stopAll(started.values(), infrastructure);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return new Suite(infrastructure, new ServiceSupervisor(wired, started, settings.dataDirectory()));
    }

    /** Base URL of a service, e.g. {@code url("gateway-service")}. */
    public URI url(String service) {
        return service(service).url();
    }

    /** The service's JVM now: after a crash, the one the supervisor started again. */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.service(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + "; the suite runs " + SERVICE_PORTS.keySet());
        }
        return service;
    }

    /** The same MicroProfile Config keys the services received, e.g. to read Kafka or the database in a test. */
    public Map<String, String> connectionProperties() {
        return infrastructure.connectionProperties();
    }

    /**
     * Starts another replica of a service, on a free port and wired like the first, named {@code <service>-<n>}
     * (its log too); supervised, and stopped with the suite. Returns once it is ready.
     */
    public ServiceProcess startReplica(String service, int replica, Duration readyTimeout) {
        ServiceSpec first = services.spec(service);
        var spec = new ServiceSpec(service + "-" + replica, first.jar(), LoopbackPorts.pickFree(),
                first.systemProperties(), first.environment());
        ServiceProcess started = services.add(spec);
        started.awaitReady(readyTimeout);
        return started;
    }

    /** The infrastructure, for fault-injection tests that stop and start a part of it. */
    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** Stops supervising, then the services (in parallel, each SIGTERM first), then the infrastructure. */
    @Override
    public void close() {
        services.close();
        stopAll(services.services(), infrastructure);
    }

    private static List<ServiceSpec> specs(SuiteSettings settings) {
        var ports = new LinkedHashMap<String, Integer>();
        SERVICE_PORTS.forEach((name, fixedPort) -> ports.put(name, settings.fixedPorts() ? fixedPort
                : LoopbackPorts.pickFree()));
        var wiring = new HashMap<String, Map<String, String>>(LocalCredentials.prepare(settings.dataDirectory()));
        wiring.merge("gallery-service", Map.of("quarkus.rest-client.gateway.url",
                "http://127.0.0.1:" + ports.get("gateway-service")), Suite::union);
        var specs = new ArrayList<ServiceSpec>();
        ports.forEach((name, port) -> {
            var properties = new HashMap<>(wiring.getOrDefault(name, Map.of()));
            // What differs on one machine, e.g. spans written to <dataDirectory>/traces/ (libs/telemetry).
            properties.put("quarkus.profile", "local");
            properties.putAll(settings.serviceProperties().getOrDefault(name, Map.of()));
            specs.add(ServiceSpec.built(settings.repositoryRoot(), name, port, properties,
                    ENVIRONMENT.getOrDefault(name, Map.of())));
        });
        return specs;
    }

    private static Map<String, String> union(Map<String, String> first, Map<String, String> second) {
        var both = new HashMap<>(first);
        both.putAll(second);
        return both;
    }

    private static void awaitAllReady(Collection<ServiceProcess> services, Duration timeout) {
        ExecutorService waiters = Executors.newCachedThreadPool(daemonThreads("pinxit-ready-wait"));
        try {
            var firstFailure = new CompletableFuture<Void>();
            var readiness = new ArrayList<CompletableFuture<Void>>();
            for (ServiceProcess service : services) {
                var ready = CompletableFuture.runAsync(() -> service.awaitReady(timeout), waiters);
                ready.exceptionally(error -> {
                    firstFailure.completeExceptionally(error);
                    return null;
                });
                readiness.add(ready);
            }
            var allReady = CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new));
            CompletableFuture.anyOf(allReady, firstFailure).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new ServiceStartException("Waiting for the services failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ServiceStartException("The services were not ready within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("Interrupted while waiting for the services to be ready", e);
        } finally {
            waiters.shutdownNow();
        }
    }

    private static void stopAll(Collection<ServiceProcess> services, LocalInfrastructure infrastructure) {
        ExecutorService stoppers = Executors.newFixedThreadPool(Math.max(1, services.size()),
                daemonThreads("pinxit-stop"));
        try {
            var stops = services.stream()
                    .map(service -> CompletableFuture.runAsync(service::close, stoppers)
                            .exceptionally(error -> {
                                LOG.warnf(error, "Could not stop %s", service.name());
                                return null;
                            }))
                    .toArray(CompletableFuture[]::new);
            // join() rather than get(): a shutdown in progress must not be cut short by an interrupt.
            CompletableFuture.allOf(stops).join();
        } finally {
            stoppers.shutdown();
            infrastructure.close();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Map<String, Integer> orderedPorts() {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("gateway-service", 8080);
        ports.put("generation-service", 8081);
        ports.put("style-service", 8082);
        ports.put("gallery-service", 8083);
        return Collections.unmodifiableMap(ports);
    }
}
