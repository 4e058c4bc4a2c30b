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
import io.pinxit.gateway.service.WebhookTargets.RefusedTargetException;
import io.pinxit.gateway.service.WebhookTargets.Target;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
 * workers never wait on it. Each call connects to the address its URL's host was checked at ({@link WebhookTargets})
 * and names the host in {@code Host} and TLS (SNI, certificate check). A 2xx answer delivers; anything else is
 * retried with backoff until pinxit.gateway.webhooks.give-up-after.
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
                  MeterRegistry metrics, Vertx vertx) {
        this.deliveries = deliveries;
        this.views = views;
        this.json = json;
        this.config = config.webhooks();
        this.targets = new WebhookTargets(this.config.allowPrivateTargets());
        this.clock = clock;
        this.metrics = metrics;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis()).setForceSni(true).setVerifyHost(true));
        OUTCOMES.forEach(outcome -> metrics.counter(DELIVERIES, "outcome", outcome));
    }

    @PreDestroy
    void closeClient() {
        http.close();
    }

    @Scheduled(every = "{pinxit.gateway.webhooks.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            List<Due> due = deliveries.claim(BATCH, config.firstRetryAfter(), config.longestRetryAfter());
            List<CompletableFuture<Runnable>> calls = due.stream().map(this::send).toList();
            // Outcomes are recorded here, not where the calls end: on the event loop, which must not wait on JDBC.
            calls.forEach(call -> call.join().run());
        } catch (RuntimeException e) {
            LOG.warnf("Could not send webhook deliveries: %s", e.getMessage());
        }
    }

    /** Calls the delivery's receiver; completes with the recording of how the call went. */
    private CompletableFuture<Runnable> send(Due delivery) {
        Instant now = clock.instant();
        if (delivery.receiver().isEmpty()) {
            return CompletableFuture.completedFuture(() -> record("given_up",
                    () -> deliveries.givenUp(delivery.id(), null, "the account removed its webhook")));
        }
        Receiver receiver = delivery.receiver().get();
        Target target;
        try {
            target = targets.target(receiver.url());
        } catch (RefusedTargetException refused) {
            return CompletableFuture.completedFuture(
                    () -> failed(delivery, null, "not called: the URL " + refused.getMessage(), now));
        }
        String body = body(delivery, now);
        long timestamp = now.getEpochSecond();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.url().toString())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("webhook-id", delivery.id().toString())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(receiver.secret(), delivery.id().toString(),
                        timestamp, body));
        return http.request(request).compose(call -> call.send(body)).map(response -> {
            // The answer's body is never read: the connection is dropped, so a huge one costs nothing.
            response.exceptionHandler(droppedOnPurpose -> { });
            response.request().reset();
            return response.statusCode();
        }).toCompletionStage().toCompletableFuture().handle((status, failure) -> () -> {
            if (failure != null) {
                failed(delivery, null, failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), now);
            } else if (status / 100 == 2) {
                record("delivered", () -> deliveries.delivered(delivery.id(), status));
            } else {
                failed(delivery, status, "answered " + status, now);
            }
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
