package io.pinxit.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A service module's src/main/resources/application.properties: the configuration the manifests must match. */
record ServiceConfig(String service, Properties properties) {

    static final String FILE = "src/main/resources/application.properties";

    /** Every module of the repository that is a service: a folder named *-service with an application.properties. */
    static List<String> services() {
        try (Stream<Path> dirs = Files.list(DeployTree.REPOSITORY)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve(FILE)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig of(String service) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(
                    DeployTree.read(DeployTree.REPOSITORY.resolve(service).resolve(FILE), "configuration of")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, properties);
    }

    /** The environment variable Quarkus maps to a config key: non-alphanumerics become _, letters upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(properties.getProperty(key));
    }

    boolean has(String key) {
        return properties.containsKey(key);
    }

    Set<String> keys() {
        return properties.stringPropertyNames();
    }

    /** The environment form of every key, in whichever profile the file sets it: the service reads them all. */
    Set<String> environmentNames() {
        return keys().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .map(ServiceConfig::environmentName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port").orElse("8080"));
    }

    /** Workers are the services that name themselves in job events: they declare pinxit.worker.id. */
    boolean isWorker() {
        return has("pinxit.worker.id");
    }

    /** The incoming channels (mp.messaging.incoming.NAME.*) by name. */
    Set<String> incomingChannels() {
        return keys().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming."))
                .map(k -> k.substring("mp.messaging.incoming.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The setting of the incoming channel that consumes a topic, e.g. its group.id. */
    Optional<String> incomingSetting(String topic, String setting) {
        return incomingChannels().stream()
                .filter(channel -> get("mp.messaging.incoming." + channel + ".topic").orElse("").equals(topic))
                .findFirst()
                .flatMap(channel -> get("mp.messaging.incoming." + channel + "." + setting));
    }

    /** Every topic the service reads or writes, dead-letter topics included. */
    Set<String> topics() {
        return keys().stream()
                .filter(k -> k.startsWith("mp.messaging."))
                .filter(k -> k.endsWith(".topic"))
                .map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
