package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training snapshots under {@code <dir>/step-NNNNNN/}: each trained network's parameters ({@code <name>.params})
 * and the progress so far. Optimizer moments are not kept, so a resumed run restarts Adam's averages.
 */
final class Checkpoints {

    static final String GENERATOR = "generator";
    static final String DISCRIMINATOR = "discriminator";
    static final String GENERATOR_FILE = paramsFile(GENERATOR);
    static final String PROGRESS_FILE = "progress.json";
    static final String PREVIEW_FILE = "samples.png";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** How far a run had got when a checkpoint was written, and the mean figures of its last logged steps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progress(int step, double trainingSeconds, Map<String, Float> figures) {

        Progress {
            figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    /** The file a network named {@code name} is kept in. */
    static String paramsFile(String name) {
        return name + ".params";
    }

    /** Where the snapshot of {@code step} goes. */
    Path stepDir(int step) {
        return dir.resolve("step-%06d".formatted(step));
    }

    Path save(Map<String, Block> networks, Progress progress) throws IOException {
        Path target = stepDir(progress.step());
        Files.createDirectories(target);
        for (Map.Entry<String, Block> network : networks.entrySet()) {
            saveParameters(network.getValue(), target.resolve(paramsFile(network.getKey())));
        }
        JSON.writeValue(target.resolve(PROGRESS_FILE).toFile(), progress);
        return target;
    }

    Optional<Progress> latest() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> steps = Files.list(dir)) {
            Optional<Path> newest = steps.filter(step -> Files.isRegularFile(step.resolve(PROGRESS_FILE)))
                    .max(Comparator.comparing(step -> step.getFileName().toString()));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(newest.get().resolve(PROGRESS_FILE).toFile(), Progress.class));
        }
    }

    Optional<Progress> at(int step) throws IOException {
        Path progress = stepDir(step).resolve(PROGRESS_FILE);
        return Files.isRegularFile(progress) ? Optional.of(JSON.readValue(progress.toFile(), Progress.class)) : Optional.empty();
    }

    void restore(Progress progress, NDManager manager, Map<String, Block> networks)
            throws IOException, MalformedModelException {
        Path source = stepDir(progress.step());
        for (Map.Entry<String, Block> network : networks.entrySet()) {
            loadParameters(network.getValue(), manager, source.resolve(paramsFile(network.getKey())));
        }
    }

    static void saveParameters(Block block, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            block.saveParameters(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void loadParameters(Block block, NDManager manager, Path file)
            throws IOException, MalformedModelException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        }
    }
}
