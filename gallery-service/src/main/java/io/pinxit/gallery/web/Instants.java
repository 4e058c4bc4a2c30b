package io.pinxit.gallery.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show an instant: {@code {instant.utc}}, to the second in UTC, as people read it. */
@TemplateExtension
final class Instants {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Instants() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
