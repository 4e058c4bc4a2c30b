package io.pinxit.client;

import java.net.URI;
import java.time.Instant;

/**
 * My webhook: its default URL, if any, and its signing secret, which the gateway shows only when it is registered.
 */
public record Webhook(URI url, String secret, Instant createdAt) {
}
