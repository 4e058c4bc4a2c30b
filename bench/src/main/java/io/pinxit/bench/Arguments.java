package io.pinxit.bench;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's parameters as given on its command line, each {@code --name=value} ({@code --flag} is "true"). */
final class Arguments {

    private Arguments() {
    }

    static Map<String, String> of(String[] arguments) {
        var values = new HashMap<String, String>();
        for (String argument : arguments) {
            String[] pair = argument.replaceFirst("^--", "").split("=", 2);
            values.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        return values;
    }
}
