package io.pinxit.training;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} arguments the training tools take, so that Maven can pass properties through. */
final class ToolArguments {

    private final Map<String, String> values;

    private ToolArguments(Map<String, String> values) {
        this.values = values;
    }

    static ToolArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new ToolArguments(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
