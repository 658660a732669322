package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ServiceTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A first deploy of hello-http with a fault injected into one call (WireMock faults at the socket: resets, empty
 * answers, garbage, cut chunked bodies; and 429/503 bursts): every call of the deploy, Google's token endpoint
 * included, is retried, and the deploy still ends with the deployment ACTIVE.
 */
class DeployFaultsTest {

    @TempDir
    Path home;

    FakeGoogle google;
    ServiceTarget hello;
    GcpTarget t;

    @BeforeEach
    void start() {
        google = new FakeGoogle(home);
        hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        t = GcpTarget.of(google.connection(), hello.service());
    }

    @AfterEach
    void stop() {
        google.close();
    }

    /** Where: a method and path; what: a fault; how often in a row. */
    record Injection(String method, String path, ResponseDefinitionBuilder fault, int times) {

        @Override
        public String toString() {
            return method + " " + path + " x" + times;
        }
    }

    static ResponseDefinitionBuilder fault(Fault f) {
        return aResponse().withFault(f);
    }

    static Stream<Arguments> faults() {
        String loc = "/v1/projects/demo-proj/locations/europe-west1";
        String deployment = loc + "/deployments/hello-http-dev";
        String bucket = "/storage/v1/b/demo-proj-hello-http-dev-strato";
        List<Arguments> list = new ArrayList<>();
        for (var f : List.of(
                Fault.CONNECTION_RESET_BY_PEER,
                Fault.EMPTY_RESPONSE,
                Fault.RANDOM_DATA_THEN_CLOSE,
                Fault.MALFORMED_RESPONSE_CHUNK)) {
            list.add(Arguments.of(f + " on the token", new Injection("POST", "/token", fault(f), 1)));
            list.add(Arguments.of(f + " on the deployment read", new Injection("GET", deployment, fault(f), 1)));
            list.add(Arguments.of(f + " on the create", new Injection("POST", loc + "/deployments", fault(f), 1)));
            list.add(Arguments.of(
                    f + " on the operation poll", new Injection("GET", loc + "/operations/op-1", fault(f), 1)));
        }
        list.add(Arguments.of(
                "503 burst on the token",
                new Injection("POST", "/token", FakeGoogle.error(503, "UNAVAILABLE", "try later"), 2)));
        list.add(Arguments.of(
                "429 burst on the create",
                new Injection(
                        "POST",
                        loc + "/deployments",
                        FakeGoogle.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"),
                        3)));
        list.add(Arguments.of(
                "503 burst on the revision",
                new Injection(
                        "GET",
                        deployment + "/revisions/r-2",
                        FakeGoogle.error(503, "UNAVAILABLE", "Backend Error"),
                        3)));
        list.add(Arguments.of(
                "503 burst on the bucket read",
                new Injection("GET", bucket, FakeGoogle.error(503, "UNAVAILABLE", "Backend Error"), 2)));
        list.add(Arguments.of(
                "reset on an object read",
                new Injection("GET", bucket + "/o/.+", fault(Fault.CONNECTION_RESET_BY_PEER), 1)));
        list.add(Arguments.of(
                "empty answer to an upload",
                new Injection("POST", "/upload" + bucket + "/o", fault(Fault.EMPTY_RESPONSE), 1)));
        list.add(Arguments.of(
                "500 on an upload",
                new Injection(
                        "POST", "/upload" + bucket + "/o", FakeGoogle.error(500, "INTERNAL", "Backend Error"), 1)));
        list.add(Arguments.of(
                "503 burst on the function read",
                new Injection(
                        "GET",
                        "/v2/projects/demo-proj/locations/europe-west1/functions/hello-http-dev-hello",
                        FakeGoogle.error(503, "UNAVAILABLE", "try later"),
                        2)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theDeploySucceedsThroughTheFault(String name, Injection injection) {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String id = t.deploymentId();
        google.deploymentAfterCreate(id);
        // a create sent again after its answer was lost: Infrastructure Manager says it exists, and strato updates it
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.location() + "/deployments"))
                .inScenario("d")
                .whenScenarioStateIs("created")
                .willReturn(FakeGoogle.error(409, "ALREADY_EXISTS", "already exists")));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.deployment(id)))
                .withHeader("X-HTTP-Method-Override", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PATCH"))
                .willReturn(okJson(
                        FakeGoogle.running(google.location() + "/operations/op-1", "PREPARING_STORAGE_BUCKET"))));
        google.operation("op-1", "SUCCEEDED", null);
        google.revision(id, "{\"function_hello_url\":{\"value\":\"https://hello-abc-ew.a.run.app\"}}", "[]");
        google.function("hello-http-dev-hello", "https://hello-abc-ew.a.run.app");
        inject(injection);
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, new RecordedSteps());
        }
        assertThat(r.executed()).isTrue();
        assertThat(r.info().endpoints()).containsExactly("hello: https://hello-abc-ew.a.run.app");
        UrlPattern where =
                injection.path().contains(".+") ? urlPathMatching(injection.path()) : urlPathEqualTo(injection.path());
        assertThat(google.server.findAll(anyRequestedFor(where)))
                .as("requests to the faulty place")
                .hasSizeGreaterThan(injection.times());
    }

    /** The fault answers the first {@code times} matching requests, at a priority above every normal answer. */
    private void inject(Injection i) {
        UrlPattern where = i.path().contains(".+") ? urlPathMatching(i.path()) : urlPathEqualTo(i.path());
        for (int n = 0; n < i.times(); n++) {
            String state = n == 0 ? Scenario.STARTED : "fault-" + n;
            google.server.stubFor(any(where)
                    .withName("fault-" + n)
                    .atPriority(1)
                    .inScenario("fault")
                    .whenScenarioStateIs(state)
                    .willSetStateTo("fault-" + (n + 1))
                    .willReturn(i.fault())
                    .andMatching(request -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                            request.getMethod().getName().equals(i.method()))));
        }
    }
}
