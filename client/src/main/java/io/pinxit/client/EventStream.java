package io.pinxit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a {@code text/event-stream} (the WHATWG server-sent events format) line by line and hands each event's data
 * on, until the handler says it has had enough or the stream ends. Only {@code data} fields matter here.
 */
final class EventStream {

    private EventStream() {
    }

    /** Feeds each event's data to {@code handler}, which answers whether to go on reading. */
    static void read(Stream<String> lines, Predicate<String> handler) {
        List<String> data = new ArrayList<>();
        var iterator = lines.iterator();
        while (iterator.hasNext()) {
            String line = iterator.next();
            if (line.isEmpty()) {
                if (!data.isEmpty() && !handler.test(String.join("\n", data))) {
                    return;
                }
                data.clear();
            } else if (line.startsWith("data:")) {
                String value = line.substring("data:".length());
                data.add(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        if (!data.isEmpty()) {
            handler.test(String.join("\n", data));
        }
    }
}
