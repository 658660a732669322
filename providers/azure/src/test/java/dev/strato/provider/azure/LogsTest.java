package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.LogEvent;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** logs: the function's traces and exceptions from Log Analytics through azure-monitor-query; --tail prints each event once. */
class LogsTest {

    private static final String QUERY = "/v1/workspaces/63613592-b6f7-4c3d-a390-22ba13102111/query";

    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", null);
        arm.token();
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
        arm.stub(get(urlPathEqualTo("/subscriptions/" + AzureWireMock.SUB + "/resourceGroups/" + AzureWireMock.RG
                        + "/providers/Microsoft.OperationalInsights/workspaces/log-hello-http-dev"))
                .willReturn(arm.json(200, "monitor/workspace.json")));
        arm.stub(post(urlPathEqualTo(QUERY))
                .inScenario("tail")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(arm.json(200, "monitor/query-first.json")));
        arm.stub(post(urlPathEqualTo(QUERY))
                .inScenario("tail")
                .whenScenarioStateIs("second")
                .willReturn(arm.json(200, "monitor/query-second.json")));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void readsTheFunctionsTracesOnce() {
        List<LogEvent> events = new ArrayList<>();
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("hello-http"))) {
            s.logs(
                    new LogQuery("hello", Instant.parse("2026-12-08T01:00:00Z"), "world", false, Duration.ofMillis(1)),
                    events::add);
        }
        assertThat(events).extracting(LogEvent::message).containsExactly("Executing 'Functions.hello'", "hello world");
        assertThat(events.get(0).stream()).isEqualTo("AppTraces/info");
        arm.server.verify(postRequestedFor(urlPathEqualTo(QUERY))
                .withRequestBody(containing("AppRoleName =~ \\\"" + AzureWireMock.APP + "\\\""))
                .withRequestBody(containing("OperationName =~ \\\"hello\\\""))
                .withRequestBody(containing("Text contains \\\"world\\\"")));
    }

    @Test
    void tailPollsAndDeduplicates() {
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
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("hello-http"))) {
            s.logs(
                    new LogQuery("hello", Instant.parse("2026-12-08T01:00:00Z"), null, true, Duration.ofMillis(1)),
                    sink);
        }
        assertThat(events).extracting(LogEvent::id).containsExactly("item-1", "item-2", "item-3");
        assertThat(events.get(2).stream()).isEqualTo("AppExceptions/error");
        assertThat(arm.server.findAll(postRequestedFor(urlPathEqualTo(QUERY)))).hasSize(2);
    }

    @Test
    void kqlLiteralsEscapeQuotesAndBackslashes() {
        assertThat(LogReader.literal("a\"b\\c'd")).isEqualTo("\"a\\\"b\\\\c'd\"");
    }
}
