package io.pinxit.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** This machine's processor as Linux describes it in /proc/cpuinfo: its model name and instruction-set flags. */
public record Processor(String model, Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public Processor {
        flags = Set.copyOf(flags);
    }

    /** This machine's; the JVM's architecture and no flags where /proc/cpuinfo cannot be read. */
    public static Processor current() {
        try {
            return parse(Files.readAllLines(CPUINFO));
        } catch (IOException | SecurityException e) {
            return new Processor(System.getProperty("os.arch"), Set.of());
        }
    }

    /** The first processor's {@code model name} and {@code flags} lines of a /proc/cpuinfo text. */
    static Processor parse(List<String> cpuinfo) {
        String model = null;
        Set<String> flags = null;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model == null) {
                model = value;
            } else if (key.equals("flags") && flags == null) {
                flags = Set.copyOf(Arrays.asList(value.split("\\s+")));
            }
        }
        return new Processor(model == null ? System.getProperty("os.arch") : model, flags == null ? Set.of() : flags);
    }
}
