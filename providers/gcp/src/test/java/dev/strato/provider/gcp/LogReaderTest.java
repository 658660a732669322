package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.LogEvent;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import dev.strato.provider.ServiceTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** logs: Cloud Logging entries.list of the function's Cloud Run service on WireMock, paged, and --tail with de-duplication. */
class LogReaderTest {

    @TempDir
    Path home;

    FakeGoogle google;
    ServiceTarget hello;

    @BeforeEach
    void start() {
        google = new FakeGoogle(home);
        hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    static String entry(String id, String time, String payload) {
        return """
                {"insertId":"%s","timestamp":"%s","severity":"INFO","logName":"projects/demo-proj/logs/run.googleapis.com%%2Fstdout",
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"hello-http-dev-hello","revision_name":"hello-http-dev-hello-00001-abc",
                 "location":"europe-west1","project_id":"demo-proj","configuration_name":"hello-http-dev-hello"}},%s}""".formatted(id, time, payload);
    }

    @Test
    void readsTheEntriesOfTheFunctionsServicePageByPage() {
        google.server.stubFor(post(urlPathEqualTo("/v2/entries:list"))
                .inScenario("p")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("2")
                .willReturn(okJson(
                        "{\"entries\":[" + entry("a1", "2026-12-01T10:00:00.100Z", "\"textPayload\":\"hello ada\"")
                                + "],\"nextPageToken\":\"n2\"}")));
        google.server.stubFor(post(urlPathEqualTo("/v2/entries:list"))
                .inScenario("p")
                .whenScenarioStateIs("2")
                .willReturn(okJson("{\"entries\":["
                        + entry(
                                "a2",
                                "2026-12-01T10:00:01Z",
                                "\"jsonPayload\":{\"message\":\"structured\",\"level\":\"info\"}")
                        + "]}")));
        List<LogEvent> events = new ArrayList<>();
        try (GcpSession s = google.session(hello)) {
            s.logs(
                    new LogQuery("hello", Instant.parse("2026-12-01T09:00:00Z"), "ada", false, Duration.ofMillis(10)),
                    events::add);
        }
        assertThat(events).extracting(LogEvent::message).containsExactly("hello ada", "structured");
        assertThat(events.get(0).stream()).isEqualTo("hello-http-dev-hello-00001-abc INFO");
        var requests = google.server.findAll(postRequestedFor(urlPathEqualTo("/v2/entries:list")));
        var first = GoogleRest.JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(first.path("resourceNames").get(0).asString()).isEqualTo("projects/demo-proj");
        assertThat(first.path("filter").asString())
                .isEqualTo(
                        "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"hello-http-dev-hello\""
                                + " AND timestamp>=\"2026-12-01T09:00:00Z\" AND \"ada\"");
        assertThat(first.path("orderBy").asString()).isEqualTo("timestamp asc");
        assertThat(GoogleRest.JSON
                        .readTree(requests.get(1).getBodyAsString())
                        .path("pageToken")
                        .asString())
                .isEqualTo("n2");
    }

    @Test
    void tailPollsFromTheNewestTimeAndPrintsEachEntryOnce() {
        String e1 = entry("a1", "2026-12-01T10:00:00Z", "\"textPayload\":\"one\"");
        String e2 = entry("a2", "2026-12-01T10:00:05Z", "\"textPayload\":\"two\"");
        String e3 = entry("a3", "2026-12-01T10:00:05Z", "\"textPayload\":\"three, same second\"");
        google.server.stubFor(post(urlPathEqualTo("/v2/entries:list"))
                .inScenario("t")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("2")
                .willReturn(okJson("{\"entries\":[" + e1 + "," + e2 + "]}")));
        google.server.stubFor(post(urlPathEqualTo("/v2/entries:list"))
                .inScenario("t")
                .whenScenarioStateIs("2")
                .willSetStateTo("3")
                .willReturn(okJson("{}")));
        google.server.stubFor(post(urlPathEqualTo("/v2/entries:list"))
                .inScenario("t")
                .whenScenarioStateIs("3")
                .willReturn(okJson("{\"entries\":[" + e2 + "," + e3 + "]}")));
        List<LogEvent> events = new ArrayList<>();
        LogSink sink = new LogSink() {
            @Override
            public void accept(LogEvent event) {
                events.add(event);
            }

            @Override
            public boolean stopped() {
                return events.size() >= 3;
            }
        };
        try (GcpSession s = google.session(hello)) {
            s.logs(
                    new LogQuery("hello", Instant.parse("2026-12-01T09:59:00Z"), null, true, Duration.ofMillis(10)),
                    sink);
        }
        assertThat(events).extracting(LogEvent::message).containsExactly("one", "two", "three, same second");
        var requests = google.server.findAll(postRequestedFor(urlPathEqualTo("/v2/entries:list")));
        assertThat(requests).hasSize(3);
        assertThat(GoogleRest.JSON
                        .readTree(requests.get(2).getBodyAsString())
                        .path("filter")
                        .asString())
                .contains("timestamp>=\"2026-12-01T10:00:05Z\"");
    }
}
