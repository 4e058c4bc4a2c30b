package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alert rules and the dashboard in deploy/monitoring query only metrics the services export: after a job has run,
 * every metric name in their expressions is scraped from the suite's /q/metrics.
 */
@ExtendWith(RunningSuite.Extension.class)
class MonitoringTest {

    private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
    /** Metric names in PromQL: ours, Quarkus' (HTTP, JVM, process) and the Kafka clients'. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:pinxit|kafka|http_server|jvm|process)_[a-z0-9_]+\\b");

    private static Set<String> exported;

    @BeforeAll
    static void runAJobAndScrapeEveryService(RunningSuite suite) {
        String location = suite.asAdmin().contentType("application/json")
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":5}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        suite.awaitSuccess(location);
        exported = new TreeSet<>();
        suite.services().values().forEach(url -> given().baseUri(url).get("/q/metrics").then().statusCode(200)
                .extract().asString().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(exported::add));
    }

    @Test
    void everyAlertIsWellFormedAndQueriesExportedMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yaml").toFile())
                .path("groups").get(0).path("rules");
        List<String> expressions = new ArrayList<>();
        rules.forEach(rule -> {
            assertThat(rule.path("alert").asText()).as("an alert's name").startsWith("Pinxit");
            assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning", "info");
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
            expressions.add(rule.path("expr").asText());
        });

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        assertThat(metricsIn(expressions)).contains("pinxit_jobs_finished_total",
                "kafka_consumer_fetch_manager_records_lag_max", "pinxit_jobs_duration_seconds_bucket")
                .isSubsetOf(exported);
    }

    @Test
    void everyDashboardPanelQueriesExportedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(MONITORING.resolve("grafana-dashboard.json")
                .toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(12);
        assertThat(metricsIn(expressions)).contains("http_server_requests_seconds_count",
                "pinxit_recording_stage_seconds_sum", "pinxit_webhook_deliveries_total",
                        "pinxit_device_busy_seconds_total", "pinxit_device_pictures_total")
                .isSubsetOf(exported);
    }

    private static Set<String> metricsIn(List<String> expressions) {
        return expressions.stream().flatMap(expression -> {
            Matcher metric = METRIC.matcher(expression);
            List<String> names = new ArrayList<>();
            while (metric.find()) {
                names.add(metric.group());
            }
            return names.stream();
        }).collect(Collectors.toCollection(TreeSet::new));
    }
}
