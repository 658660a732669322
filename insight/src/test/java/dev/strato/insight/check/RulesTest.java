package dev.strato.insight.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.insight.Models;
import dev.strato.model.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule: a model that triggers it, and one a step away that does not. */
class RulesTest {

    @TempDir
    Path dir;

    static final String OK_FN = """
              f:
                handler: src/f.handle
                architecture: arm64
                alarms: true
                logRetentionDays: 30
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "queue-visibility-below-timeout",
                        GCP_ONLY + worker("timeout: 60s", "visibilityTimeout: 30s"),
                        GCP_ONLY + worker("timeout: 60s", "visibilityTimeout: 2m")),
                Arguments.of(
                        "queue-visibility-below-six-timeouts",
                        worker("timeout: 60s", "visibilityTimeout: 2m"),
                        worker("timeout: 60s", "visibilityTimeout: 6m")),
                Arguments.of(
                        "topic-filter-on-attributes",
                        "functions:\n  f: { handler: src/f.handle, events: [ { topic: { topic: t, filter: { type: [order] } } } ] }\nresources:\n  t: { type: topic }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { topic: t } ] }\nresources:\n  t: { type: topic }\n"),
                Arguments.of(
                        "queue-without-dead-letter",
                        worker("timeout: 10s", "visibilityTimeout: 1m"),
                        worker("timeout: 10s", "visibilityTimeout: 1m, deadLetter: dlq")),
                Arguments.of(
                        "async-without-dead-letter",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, deadLetter: dlq, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n"
                                + "resources:\n  dlq: { type: queue }\n"),
                Arguments.of(
                        "retries-without-idempotence",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, tags: { idempotent: \"true\" }, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n"),
                Arguments.of(
                        "dead-letter-retention-shorter",
                        worker("timeout: 10s", "visibilityTimeout: 1m, retention: 14d, deadLetter: dlq"),
                        worker("timeout: 10s", "visibilityTimeout: 1m, retention: 1d, deadLetter: dlq")),
                Arguments.of(
                        "max-receive-count-low",
                        worker("timeout: 10s", "visibilityTimeout: 1m, deadLetter: dlq, maxReceiveCount: 1"),
                        worker("timeout: 10s", "visibilityTimeout: 1m, deadLetter: dlq, maxReceiveCount: 5")),
                Arguments.of(
                        "reference-without-permission",
                        "functions:\n  f: { handler: src/f.handle, environment: { T: \"${ref:t.name}\" } }\nresources:\n  t: { type: table, key: { partition: id } }\n",
                        "functions:\n  f: { handler: src/f.handle, environment: { T: \"${ref:t.name}\" }, permissions: { t: [read] } }\nresources:\n  t: { type: table, key: { partition: id } }\n"),
                Arguments.of(
                        "queue-without-consumer",
                        "functions:\n  f: { handler: src/f.handle, permissions: { q: [send] } }\nresources:\n  q: { type: queue }\n",
                        worker("timeout: 10s", "visibilityTimeout: 1m, deadLetter: dlq")),
                Arguments.of(
                        "topic-without-subscriber",
                        "functions:\n  f: { handler: src/f.handle, permissions: { t: [publish] } }\nresources:\n  t: { type: topic }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { topic: t } ] }\nresources:\n  t: { type: topic }\n"),
                Arguments.of(
                        "secret-literal-in-environment",
                        "functions:\n  f: { handler: src/f.handle, environment: { STRIPE_API_KEY: \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\" } }\n",
                        "functions:\n  f: { handler: src/f.handle, environment: { STRIPE_API_KEY: \"${secret:stripe-key}\", API_URL: \"https://x.example.com\" } }\n"),
                Arguments.of(
                        "public-route-writes",
                        "functions:\n  f: { handler: src/f.handle, events: [ { http: POST /x } ], permissions: { t: [write] } }\nresources:\n  t: { type: table, key: { partition: id } }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { http: GET /x } ], permissions: { t: [read] } }\nresources:\n  t: { type: table, key: { partition: id } }\n"),
                Arguments.of(
                        "dead-letter-loop",
                        worker("timeout: 10s, deadLetter: q", "visibilityTimeout: 1m"),
                        worker("timeout: 10s, deadLetter: dlq", "visibilityTimeout: 1m")),
                Arguments.of(
                        "schedule-overlaps-itself",
                        "functions:\n  f: { handler: src/f.handle, timeout: 5m, events: [ { schedule: { rate: 1m } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, timeout: 30s, events: [ { schedule: { rate: 1m } } ] }\n"),
                Arguments.of(
                        "http-timeout-above-gateway",
                        "functions:\n  f: { handler: src/f.handle, timeout: 60s, events: [ { http: GET /x } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, timeout: 20s, events: [ { http: GET /x } ] }\n"),
                Arguments.of(
                        "cors-any-origin",
                        "functions:\n  f: { handler: src/f.handle, events: [ { http: { method: GET, path: /x, cors: true } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { http: { method: GET, path: /x } } ] }\n"),
                Arguments.of(
                        "broad-permissions",
                        "functions:\n  f: { handler: src/f.handle, permissions: { b: [read, write, delete] } }\nresources:\n  b: { type: bucket }\n",
                        "functions:\n  f: { handler: src/f.handle, permissions: { b: [read, write] } }\nresources:\n  b: { type: bucket }\n"),
                Arguments.of(
                        "runtime-end-of-support-soon",
                        "functions:\n  f: { handler: src/f.handle, runtime: nodejs22 }\n",
                        "functions:\n  f: { handler: src/f.handle }\n"),
                Arguments.of(
                        "gcp-bucket-filter-in-function",
                        "functions:\n  f: { handler: src/f.handle, events: [ { bucket: { bucket: b, on: [created], suffix: .jpg } } ] }\nresources:\n  b: { type: bucket }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { bucket: { bucket: b, on: [created] } } ] }\nresources:\n  b: { type: bucket }\n"),
                Arguments.of(
                        "schedule-daylight-saving",
                        GCP_ONLY
                                + "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\", timezone: Europe/Paris } } ] }\n",
                        GCP_ONLY
                                + "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\", timezone: UTC } } ] }\n"),
                Arguments.of(
                        "rate-schedule-as-cron",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { rate: 5m } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"*/5 * * * *\" } } ] }\n"),
                Arguments.of(
                        "native-adapter-multi-cloud",
                        "functions:\n  f: { handler: src/f.handle, adapter: native }\n",
                        "functions:\n  f: { handler: src/f.handle }\n"),
                Arguments.of(
                        "managed-runtime-low-memory",
                        "functions:\n  f: { handler: \"com.example.F::handle\", runtime: java21, memory: 256 }\n",
                        "functions:\n  f: { handler: \"com.example.F::handle\", runtime: java21, memory: 2048 }\n"),
                Arguments.of(
                        "aws-x86-architecture",
                        "functions:\n  f: { handler: src/f.handle, architecture: x86_64 }\n",
                        "functions:\n  f: { handler: src/f.handle, architecture: arm64 }\n"),
                Arguments.of(
                        "log-retention-below-provider-minimum",
                        "functions:\n  f: { handler: src/f.handle, logRetentionDays: 7 }\n",
                        "functions:\n  f: { handler: src/f.handle, logRetentionDays: 30 }\n"),
                Arguments.of(
                        "alarms-off",
                        "functions:\n  f: { handler: src/f.handle, alarms: false }\n",
                        "functions:\n  f: { handler: src/f.handle, alarms: true }\n"),
                Arguments.of(
                        "tracing-off",
                        "functions:\n  f: { handler: src/f.handle, permissions: { q: [send] } }\nresources:\n  q: { type: queue }\n",
                        "functions:\n  f: { handler: src/f.handle, tracing: true, permissions: { q: [send] } }\nresources:\n  q: { type: queue }\n"),
                Arguments.of(
                        "schedule-disabled",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\", enabled: false } } ] }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n"),
                Arguments.of(
                        "bucket-versions-kept-forever",
                        "functions:\n  f: { handler: src/f.handle, permissions: { b: [read] } }\nresources:\n  b: { type: bucket, versioning: true }\n",
                        "functions:\n  f: { handler: src/f.handle, permissions: { b: [read] } }\nresources:\n  b: { type: bucket, versioning: true, expireAfterDays: 90 }\n"),
                Arguments.of(
                        "table-stream-unused",
                        "functions:\n  f: { handler: src/f.handle, permissions: { t: [read] } }\nresources:\n  t: { type: table, key: { partition: id }, stream: true }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { table: t } ] }\nresources:\n  t: { type: table, key: { partition: id }, stream: true }\n"),
                Arguments.of(
                        "unused-resource",
                        "functions:\n  f: { handler: src/f.handle }\nresources:\n  t: { type: topic }\n",
                        "functions:\n  f: { handler: src/f.handle, events: [ { topic: t } ] }\nresources:\n  t: { type: topic }\n"));
    }

    static final String GCP_ONLY =
            "service: svc\nruntime: python3.12\nproviders:\n  gcp: { project: acme-test, region: europe-west1 }\n";

    /** A function consuming queue q; {@code fn} and {@code queue} are extra settings of each. */
    static String worker(String fn, String queue) {
        return "functions:\n  w: { handler: src/w.handle, " + fn + ", events: [ { queue: q } ] }\n"
                + "resources:\n  q: { type: queue, " + queue + " }\n  dlq: { type: queue, retention: 14d }\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void triggersOnOneModelAndNotTheOther(String id, String triggering, String clean) {
        assertThat(Rules.byId(id)).as("rule %s exists", id).isPresent();
        assertThat(idsOf(triggering)).as("rule %s on:%n%s", id, triggering).contains(id);
        assertThat(idsOf(clean)).as("rule %s on:%n%s", id, clean).doesNotContain(id);
    }

    private Set<String> idsOf(String body) {
        LoadResult r = Models.load(dir, body);
        return Checker.check(r.service().orElseThrow(), r.sources(), r.providers(), Models.TODAY).stream()
                .map(f -> f.rule().id())
                .collect(Collectors.toSet());
    }

    @Test
    void everyRuleHasACaseAndTheCatalogHasAtLeast25() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(Rules.all()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(tested)
                .containsExactlyInAnyOrderElementsOf(
                        Rules.all().stream().map(Rule::id).toList());
    }

    @Test
    void everyRuleSaysWhyAndHowToFix() {
        for (Rule r : Rules.all()) {
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(r.why()).isNotBlank();
            assertThat(r.fix()).isNotBlank();
            if (r.source() != null) assertThat(r.source()).startsWith("https://");
        }
    }

    @Test
    void findingsCarryTheLineOfWhatTheyAreAbout() {
        LoadResult r = Models.load(dir, GCP_ONLY + worker("timeout: 60s", "visibilityTimeout: 30s"));
        List<Finding> findings = Checker.check(r.service().orElseThrow(), r.sources(), r.providers(), Models.TODAY);
        Finding f = findings.stream()
                .filter(x -> x.rule().id().equals("queue-visibility-below-timeout"))
                .findFirst()
                .orElseThrow();
        assertThat(f.position().line()).isEqualTo(6);
        assertThat(f.format())
                .startsWith("strato.yml:6:")
                .contains("error: functions.w.events[0]: queue q hides a message for 30s");
    }

    @Test
    void providerScopedRulesStayQuietForOtherProviders() {
        String body = "functions:\n  f: { handler: src/f.handle, architecture: x86_64 }\n";
        LoadResult r = Models.load(dir, body);
        assertThat(Checker.check(
                        r.service().orElseThrow(),
                        r.sources(),
                        List.of(dev.strato.model.providers.Provider.GCP),
                        Models.TODAY))
                .noneMatch(f -> f.rule().id().equals("aws-x86-architecture"));
    }
}
