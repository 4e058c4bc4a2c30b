package io.pinxit.client;

import java.util.List;

/** One page of the caller's jobs, newest first; {@code next} is the cursor of the next page, absent on the last. */
public record JobPage(List<Job> items, String next) {
}
