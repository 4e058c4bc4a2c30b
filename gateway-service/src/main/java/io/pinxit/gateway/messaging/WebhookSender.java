package io.pinxit.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.pinxit.gateway.config.GatewayConfig;
import io.pinxit.gateway.rest.JobViews;
import io.pinxit.gateway.service.WebhookDeliveries;
import io.pinxit.gateway.service.WebhookDeliveries.Due;
import io.pinxit.gateway.service.WebhookDeliveries.Receiver;
import io.pinxit.gateway.service.WebhookSignature;
import io.pinxit.gateway.service.WebhookTargets;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Calls accounts' webhooks, as they are registered now, with their jobs' changes of state: {@code {type, timestamp,
 * data}} with the job as it was, signed (Standard Webhooks), POSTed with a short timeout, redirects not followed and
 * the answer's body not read, so a slow, failing, redirecting or huge receiver costs the gateway one bounded call;
 * workers never wait on it. A 2xx answer delivers; anything else is retried with backoff until
 * pinxit.gateway.webhooks.give-up-after.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 20;
    private static final String DELIVERIES = "pinxit.webhook.deliveries";
    /** Each attempt's outcome; every series exists from the start, at zero. */
    private static final List<String> OUTCOMES = List.of("delivered", "failed", "given_up");

    private final WebhookDeliveries deliveries;
    private final JobViews views;
    private final ObjectMapper json;
    private final GatewayConfig.Webhooks config;
    private final WebhookTargets targets;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final HttpClient http;

    WebhookSender(WebhookDeliveries deliveries, JobViews views, ObjectMapper json, GatewayConfig config, Clock clock,
                  MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.views = views;
        this.json = json;
        this.config = config.webhooks();
        this.targets = new WebhookTargets(this.config.allowPrivateTargets());
        this.clock = clock;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        OUTCOMES.forEach(outcome -> metrics.counter(DELIVERIES, "outcome", outcome));
    }

    @Scheduled(every = "{pinxit.gateway.webhooks.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            List<Due> due = deliveries.claim(BATCH, config.firstRetryAfter(), config.longestRetryAfter());
            CompletableFuture.allOf(due.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            LOG.warnf("Could not send webhook deliveries: %s", e.getMessage());
        }
    }

    private CompletableFuture<Void> send(Due delivery) {
        Instant now = clock.instant();
        if (delivery.receiver().isEmpty()) {
            record("given_up", () -> deliveries.givenUp(delivery.id(), null, "the account removed its webhook"));
            return CompletableFuture.completedFuture(null);
        }
        Receiver receiver = delivery.receiver().get();
        var refusal = targets.refusal(receiver.url());
        if (refusal.isPresent()) {
            failed(delivery, null, "not called: the URL " + refusal.get(), now);
            return CompletableFuture.completedFuture(null);
        }
        String body = body(delivery, now);
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(receiver.url()).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.id().toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(receiver.secret(), delivery.id().toString(),
                        timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                failed(delivery, null, failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), now);
            } else if (response.statusCode() / 100 == 2) {
                record("delivered", () -> deliveries.delivered(delivery.id(), response.statusCode()));
            } else {
                failed(delivery, response.statusCode(), "answered " + response.statusCode(), now);
            }
            return null;
        });
    }

    private void failed(Due delivery, Integer status, String error, Instant now) {
        if (delivery.createdAt().plus(config.giveUpAfter()).isBefore(now)) {
            record("given_up", () -> deliveries.givenUp(delivery.id(), status, error));
        } else {
            record("failed", () -> deliveries.failed(delivery.id(), status, error));
        }
    }

    private void record(String outcome, Runnable update) {
        update.run();
        metrics.counter(DELIVERIES, "outcome", outcome).increment();
    }

    private String body(Due delivery, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", delivery.eventType());
        event.put("timestamp", now.toString());
        event.put("data", views.of(delivery.job()));
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the event of delivery " + delivery.id(), e);
        }
    }
}
