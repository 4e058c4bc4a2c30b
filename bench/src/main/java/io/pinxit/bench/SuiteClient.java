package io.pinxit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's job API as one account's client uses it, and a worker's recording metrics. */
final class SuiteClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    /** A sample's value, then perhaps an exemplar: the trace it was counted in ("# {trace_id=…} …"). */
    private static final String VALUE = " ([0-9.eE+-]+)(?: # .*)?$";
    private static final Pattern STAGE = Pattern.compile(
            "^pinxit_recording_stage_seconds_sum\\{[^}]*stage=\"([a-z]+)\"[^}]*}" + VALUE, Pattern.MULTILINE);
    private static final Pattern ARTWORKS = Pattern.compile(
            "^pinxit_recording_artworks_total(?:\\{[^}]*})?" + VALUE, Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String key;

    SuiteClient(String gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    /** Submits a job of {@code count} pictures and returns it as accepted. */
    JsonNode submit(int count) {
        return send(request("/api/v1/jobs/generations").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"emoji-dcgan\",\"count\":" + count + "}")), 202);
    }

    /** Submits a job and follows its event stream until it ends; returns the job as it ended. */
    JsonNode submitAndFollow(int count) {
        String id = submit(count).path("id").asText();
        HttpRequest events = request("/api/v1/jobs/" + id + "/events").header("accept", "text/event-stream").build();
        try {
            Iterator<String> lines = http.send(events, HttpResponse.BodyHandlers.ofLines()).body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    JsonNode job = JSON.readTree(line.substring("data:".length()));
                    if (ENDED.contains(job.path("state").asText())) {
                        if (!"SUCCEEDED".equals(job.path("state").asText())) {
                            throw new IllegalStateException("Job " + id + " ended " + job);
                        }
                        return job;
                    }
                }
            }
            throw new IllegalStateException("The event stream of job " + id + " ended early");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void cancel(String jobId) {
        HttpResponse<String> answer = exchange(request("/api/v1/jobs/" + jobId).DELETE());
        if (answer.statusCode() != 200 && answer.statusCode() != 409) {
            throw new IllegalStateException("Cancelling " + jobId + " answered " + answer.statusCode());
        }
    }

    /** A client of a new user account, made with this (administrator's) key. */
    SuiteClient newAccount(String name) {
        JsonNode account = send(request("/api/v1/accounts").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")), 201);
        return new SuiteClient(gateway, account.path("firstKey").path("secret").asText());
    }

    /** Seconds spent in each recording stage so far, and the artworks recorded ("artworks"), from a worker's metrics. */
    Map<String, double[]> recordingStages(String metricsUrl) {
        String metrics = exchange(HttpRequest.newBuilder(URI.create(metricsUrl))).body();
        Map<String, double[]> stages = new TreeMap<>();
        Matcher stage = STAGE.matcher(metrics);
        while (stage.find()) {
            stages.computeIfAbsent(stage.group(1), name -> new double[1])[0] += Double.parseDouble(stage.group(2));
        }
        Matcher artworks = ARTWORKS.matcher(metrics);
        stages.put("artworks", new double[] {artworks.find() ? Double.parseDouble(artworks.group(1)) : 0});
        return stages;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).header("authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(10));
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> answer = exchange(request);
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("Expected " + expected + ", got " + answer.statusCode() + ": "
                    + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
