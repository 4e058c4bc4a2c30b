package io.pinxit.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller), running in this JVM. A
 * persistent broker keeps its topics and consumer offsets in its directory and can be restarted on other ports.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final int SCRAM_ITERATIONS = 4096;

    private volatile KafkaRaftServer server;
    private final Properties config;
    private final Path directory;
    private final boolean persistent;
    private final int port;
    private final int scramPort;

    private KafkaBroker(KafkaRaftServer server, Properties config, Path directory, boolean persistent, int port,
                        int scramPort) {
        this.server = server;
        this.config = config;
        this.directory = directory;
        this.persistent = persistent;
        this.port = port;
        this.scramPort = scramPort;
    }

    /**
     * Formats the storage in {@code directory} unless it already holds a persistent broker's data, starts the broker
     * and returns once it answers clients.
     */
    public static KafkaBroker start(Path directory, int requestedPort, int requestedControllerPort,
                                    boolean persistent) {
        return start(directory, requestedPort, requestedControllerPort, persistent, false);
    }

    /**
     * An ephemeral broker that also listens, on a port of its own, for clients that sign in with SCRAM-SHA-512 as
     * the Kafka of a cluster deployment makes them (deploy/kubernetes); {@link #addScramUser} adds users. It
     * authorises nothing: every signed-in user may do everything.
     */
    public static KafkaBroker startWithScramListener(Path directory) {
        return start(directory, 0, 0, false, true);
    }

    private static KafkaBroker start(Path directory, int requestedPort, int requestedControllerPort,
                                     boolean persistent, boolean scram) {
        long startedAt = System.nanoTime();
        keepKafkaFromEndingTheJvm();
        if (!persistent) {
            DirectoryTree.delete(directory);
        }
        int port = LoopbackPorts.orFree(requestedPort);
        int controllerPort = LoopbackPorts.orFree(requestedControllerPort);
        int scramPort = scram ? LoopbackPorts.orFree(0) : 0;
        Properties config = brokerConfig(directory.resolve("data"), port, controllerPort, scramPort);
        formatStorageIfNew(directory, config);

        var server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        var broker = new KafkaBroker(server, config, directory, persistent, port, scramPort);
        try {
            server.startup();
            broker.awaitClientsAnswered();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.infof("Kafka broker ready on %s in %d ms", broker.bootstrapServers(), elapsedMillis(startedAt));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Where clients that sign in with SCRAM-SHA-512 connect ({@link #startWithScramListener}). */
    public String scramBootstrapServers() {
        if (scramPort == 0) {
            throw new IllegalStateException("This broker has no SCRAM listener");
        }
        return "127.0.0.1:" + scramPort;
    }

    /** Lets {@code user} sign in on the SCRAM listener with {@code password}. */
    public void addScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfrastructureException("Could not add the SCRAM user " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while adding the SCRAM user " + user, e);
        }
    }

    /** Stops the broker and keeps its data, as a broker that goes down would; for fault-injection tests. */
    public void stopServing() {
        shutDown();
    }

    /** Starts the broker again on the same data and ports after {@link #stopServing}; returns once it answers. */
    public void serveAgain() {
        server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        awaitClientsAnswered();
        LOG.infof("Kafka broker serves again on %s", bootstrapServers());
    }

    @Override
    public void close() {
        if (shutDown() && !persistent) {
            DirectoryTree.delete(directory);
        }
    }

    private boolean shutDown() {
        // KafkaRaftServer.shutdown() has no timeout of its own; a stuck shutdown must not hold the caller forever.
        var shutdown = new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-broker-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        joinUninterruptibly(shutdown);
        if (shutdown.isAlive()) {
            LOG.warnf("Kafka broker on %s did not shut down within %s", bootstrapServers(), SHUTDOWN_TIMEOUT);
            return false;
        }
        return true;
    }

    /**
     * On a fatal fault Kafka halts the whole process. Here that process also runs tests or the suite's other parts,
     * which would vanish without a trace (and leave child processes behind); a loud error is the better failure.
     */
    private static void keepKafkaFromEndingTheJvm() {
        Exit.Procedure refuse = (status, message) -> {
            var fault = new InfrastructureException("Kafka asked to end this JVM with status " + status + ": "
                    + message);
            LOG.error("The in-process Kafka broker hit a fatal fault and is no longer usable", fault);
            throw fault;
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }

    /** Stopping must finish even when the closing thread is being interrupted, or the broker would outlive it. */
    private static void joinUninterruptibly(Thread thread) {
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        boolean interrupted = false;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties brokerConfig(Path logDirectory, int port, int controllerPort, int scramPort) {
        var config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                // A static voter set keeps the controller's address out of the stored metadata, so a persistent
                // data directory can be started again on other ports.
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        if (scramPort != 0) {
            config.putAll(Map.of(
                    "listeners", config.getProperty("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + scramPort,
                    "advertised.listeners", config.getProperty("advertised.listeners")
                            + ",SASL_PLAINTEXT://127.0.0.1:" + scramPort,
                    "listener.security.protocol.map", config.getProperty("listener.security.protocol.map")
                            + ",SASL_PLAINTEXT:SASL_PLAINTEXT",
                    "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        }
        return config;
    }

    private static void formatStorageIfNew(Path directory, Properties config) {
        Path logDirectory = Path.of(config.getProperty("log.dirs"));
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path configFile = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                config.store(writer, "Written by Pinxit's KafkaBroker to format the storage");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + configFile, e);
        }
        var output = new ByteArrayOutputStream();
        String[] arguments = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()};
        int exitCode;
        try (var printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(arguments, printStream);
        }
        if (exitCode != 0) {
            throw new InfrastructureException("Could not format Kafka storage in " + logDirectory + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitClientsAnswered() {
        var adminConfig = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        Admin admin = Admin.create(adminConfig);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis()))
                    .nodes()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfrastructureException("Kafka broker on " + bootstrapServers() + " did not answer within "
                    + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while waiting for the Kafka broker to answer", e);
        } finally {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
    }

    private static long elapsedMillis(long startedAt) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }
}
