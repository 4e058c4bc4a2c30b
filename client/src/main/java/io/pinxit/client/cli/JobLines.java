package io.pinxit.client.cli;

import io.pinxit.client.Job;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the CLI writes a job for people. */
final class JobLines {

    private static final int BAR_WIDTH = 30;

    private JobLines() {
    }

    /** One line for a listing: id, when, kind, state and how many artworks. */
    static String line(Job job) {
        return "%s  %s  %-14s %-9s %d artwork(s)".formatted(job.id(), job.createdAt(), name(job.kind()),
                name(job.state()), job.artworkIds().size());
    }

    /** The job in full: the line, why it failed, and its artworks. */
    static String detail(Job job) {
        var text = new StringBuilder(line(job));
        if (job.failure() != null) {
            text.append(System.lineSeparator()).append("  failed: ")
                    .append(job.failure().detail() != null ? job.failure().detail() : job.failure().title());
        }
        if (job.reproduction() != null) {
            text.append(System.lineSeparator()).append("  reproduction: ")
                    .append(name(job.reproduction().closeness())).append(", at most ")
                    .append(job.reproduction().maxPixelDifference()).append(" of 255 levels from the original");
        }
        if (!job.artworkIds().isEmpty()) {
            text.append(System.lineSeparator()).append(job.artworkIds().stream().map(id -> "  artwork " + id)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        return text.toString();
    }

    /** The job's state as it runs: a bar of its progress when its worker reports one. */
    static String progress(Job job) {
        if (job.progress() == null || job.progress().total() <= 0) {
            return name(job.state());
        }
        long done = Math.min(job.progress().iteration(), job.progress().total());
        int filled = (int) (BAR_WIDTH * done / job.progress().total());
        return "%-9s [%s%s] %d/%d".formatted(name(job.state()), "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                done, job.progress().total());
    }

    private static String name(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
