package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.providers.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {

    @TempDir
    Path dir;

    private LoadResult load(String functions, String resources) {
        return Models.load(dir, "service: demo\n" + Models.PROVIDERS + "functions:\n" + functions + resources);
    }

    @Test
    void memoryAboveTheAwsLimitReadsLikeTheGuide() {
        LoadResult r = load("  api:\n    handler: src/a.main\n    memory: 20000\n", "");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:9:13: error: functions.api.memory: 20000 MB exceeds aws limit 10240 MB (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)",
                        "strato.yml:9:13: error: functions.api.memory: 20000 MB exceeds azure limit 4096 MB on the flex plan ("
                                + dev.strato.model.providers.Limits.of(Provider.AZURE, "memory", "flex", null)
                                        .get(0)
                                        .source()
                                + ")");
    }

    @Test
    void runtimesPerProviderAndDeprecation() {
        LoadResult r = load(
                "  a:\n    handler: src/a.main\n    runtime: nodejs24\n  b:\n    handler: A::B.C::D\n    runtime: dotnet8\n",
                "");
        assertThat(Models.lines(r))
                .contains(
                        "strato.yml:9:14: error: functions.a.runtime: runtime nodejs24 is not available on azure (available on aws, gcp)",
                        "strato.yml:12:14: error: functions.b.runtime: runtime dotnet8 (dotnet8) reached end of support on aws on 2026-11-10; see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html");
    }

    @Test
    void routesMustBeUniqueAndWellFormed() {
        LoadResult r = load("""
                  a:
                    handler: src/a.main
                    events: [ { http: "GET /orders/{id}" }, { http: "POST orders" } ]
                  b:
                    handler: src/b.main
                    events: [ { http: "ANY /orders/{orderId}" }, { http: "GET /x/{p+}/y" } ]
                """, "");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:9:53: error: functions.a.events[1].http.path: path 'orders' must start with /",
                        "strato.yml:12:23: error: functions.b.events[0].http: route ANY /orders/{orderId} is already served by function a",
                        "strato.yml:12:58: error: functions.b.events[1].http.path: greedy parameter {p+} must be the last segment of '/x/{p+}/y'");
    }

    @Test
    void referencesNeedExistingResourcesOfTheRightType() {
        LoadResult r = load("""
                  a:
                    handler: src/a.main
                    deadLetter: ordrs
                    events: [ { queue: orders }, { table: orders } ]
                    permissions: { orders: [read, publish] }
                """, "resources:\n  orders: { type: table, key: { partition: id } }\n");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:9:17: error: functions.a.deadLetter: deadLetter refers to unknown resource 'ordrs' (did you mean 'orders'?)",
                        "strato.yml:10:24: error: functions.a.events[0].queue.queue: queue event needs a queue resource, but 'orders' is a table",
                        "strato.yml:10:43: error: functions.a.events[1].table: table orders has no change stream: set stream: true on resources.orders",
                        "strato.yml:11:35: error: functions.a.permissions.orders[1]: 'publish' does not apply to table 'orders' (allowed: read, write)");
    }

    @Test
    void cronRateAndTimezone() {
        LoadResult r = load("""
                  a:
                    handler: src/a.main
                    events:
                      - schedule: "0 2 * * ? *"
                      - schedule: { cron: "0 2 1 * MON" }
                      - schedule: { rate: 30s, timezone: Mars/Base }
                """, "");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:10:19: error: functions.a.events[0].schedule: cron '0 2 * * ? *' has 6 fields; strato takes 5-field unix cron: minute hour day-of-month month day-of-week (AWS 6-field cron with year? drop the year and any '?')",
                        "strato.yml:11:27: error: functions.a.events[1].schedule.cron: cron '0 2 1 * MON' restricts both day-of-month and day-of-week, which aws schedules cannot express",
                        "strato.yml:11:27: error: functions.a.events[1].schedule.cron: cron '0 2 1 * MON' restricts both day-of-month and day-of-week, which azure schedules cannot express",
                        "strato.yml:12:27: error: functions.a.events[2].schedule.rate: rate 30s below aws minimum 1m for schedule functions (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html)",
                        "strato.yml:12:27: error: functions.a.events[2].schedule.rate: rate 30s below gcp minimum 1m for schedule functions (https://cloud.google.com/scheduler/docs/configuring/cron-job-schedules)",
                        "strato.yml:12:27: error: functions.a.events[2].schedule.rate: rate 30s is not a whole number of minutes, which aws and gcp schedules need",
                        "strato.yml:12:42: error: functions.a.events[2].schedule.timezone: unknown time zone 'Mars/Base': use an IANA name such as UTC or Europe/Berlin");
    }

    @Test
    void apiKeysAreNotAvailableOnAws() {
        LoadResult r = load(
                "  a:\n    handler: src/a.main\n    events: [ { http: { method: GET, path: /a, auth: key } } ]\n", "");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:9:54: error: functions.a.events[0].http.auth: auth key is not available on aws: API Gateway HTTP APIs have no API keys (use jwt, or none)");
    }

    @Test
    void gcpOnlyRules() {
        LoadResult r = Models.load(
                dir,
                "service: demo\nproviders: { gcp: { project: acme-demo, region: europe-west1, gateway: api-gateway } }\n"
                        + """
                functions:
                  a:
                    handler: src/a.main
                    environment: { URL: "https://x?k=${secret:k}" }
                    events: [ { queue: jobs }, { schedule: 90m }, { http: "GET /files/{path+}" } ]
                  b:
                    handler: src/b.main
                    events: [ { queue: jobs } ]
                resources:
                  jobs: { type: queue, deadLetter: dead, maxReceiveCount: 3 }
                  dead: { type: queue }
                """);
        assertThat(Models.lines(r))
                .filteredOn(l -> !l.contains("handler file") && !l.contains("end of support"))
                .containsExactly(
                        "strato.yml:6:25: error: functions.a.environment.URL: a secret inside other text is not possible on gcp: a secret fills a whole environment variable",
                        "strato.yml:7:44: error: functions.a.events[1].schedule: rate 90m has no unix-cron form with exactly that period, which gcp's Cloud Scheduler needs: write a cron, or a rate that divides an hour or a day evenly",
                        "strato.yml:7:59: error: functions.a.events[2].http.path: greedy parameter {path+} cannot be served through gcp's API Gateway (OpenAPI 2 has no greedy paths)",
                        "strato.yml:10:24: error: functions.b.events[0].queue: queue jobs is also consumed by function a: on gcp a queue's one Pub/Sub subscription delivers to one function",
                        "strato.yml:12:59: warning: resources.jobs.maxReceiveCount: maxReceiveCount 3 below gcp minimum 5 (https://cloud.google.com/pubsub/docs/handling-failures)");
    }

    @Test
    void azureRulesForOneFunctionApp() {
        LoadResult r = Models.load(
                dir, "service: demo\nproviders: { azure: { location: westeurope, plan: consumption } }\n" + """
                functions:
                  a:
                    handler: src/a.main
                    runtime: python3.13
                    environment: { MODE: fast }
                    events: [ { schedule: { cron: "0 2 * * *", timezone: Europe/Berlin } } ]
                  b:
                    handler: src/b.main
                    environment: { MODE: slow }
                    events: [ { http: GET /b } ]
                  c:
                    handler: src/c.main
                """);
        assertThat(Models.lines(r))
                .filteredOn(l -> !l.contains("handler file") && !l.contains("end of support"))
                .containsExactly(
                        "strato.yml:2:51: warning: providers.azure.plan: plan consumption: Linux Consumption is retired on 2028-09-30 and gets no new language versions; use plan flex (https://learn.microsoft.com/azure/azure-functions/migration/migrate-plan-consumption-to-flex)",
                        "strato.yml:6:14: error: functions.a.runtime: runtime python3.13 (python:3.13) is not offered on the azure consumption plan, which gets no new language versions; use plan flex or premium (https://learn.microsoft.com/en-us/azure/azure-functions/supported-languages)",
                        "strato.yml:8:58: error: functions.a.events[0].schedule.timezone: time zone Europe/Berlin: azure timers run in UTC on the consumption plan (WEBSITE_TIME_ZONE works on premium only); write the cron in UTC",
                        "strato.yml:9:3: error: functions.b: runtime nodejs22 differs from function a's python3.13: an azure function app runs one runtime",
                        "strato.yml:11:26: error: functions.b.environment.MODE: environment MODE differs from function a's: on azure all functions share one function app's settings",
                        "strato.yml:13:3: warning: functions.c: function c has no event: an Azure function app only hosts triggered functions, so it is left out on azure");
    }

    @Test
    void portableAdapterOnlyForNodeAndPython() {
        LoadResult r = load("""
                  java:
                    handler: com.acme.Orders::create
                    runtime: java21
                  javaNative:
                    handler: com.acme.Orders::get
                    runtime: java21
                    adapter: native
                  node:
                    handler: src/a.main
                """, "");
        assertThat(Models.lines(r))
                .filteredOn(l -> l.contains("portable adapters"))
                .containsExactly(
                        "strato.yml:9:14: warning: functions.java.runtime: strato's portable adapters are for Node.js and Python: this java21 handler"
                                + " gets each cloud's own event and signature (set adapter: native to say so)");
    }

    @Test
    void missingHandlerFileIsAWarning() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.mjs"), "export const main = () => 1;");
        LoadResult r = load("  a:\n    handler: src/a.main\n  b:\n    handler: src/b.main\n", "");
        assertThat(Models.lines(r))
                .filteredOn(l -> l.contains("handler file"))
                .containsExactly("strato.yml:10:14: warning: functions.b.handler: handler file src/b.js not found in "
                        + dir.toRealPath() + " (also looked for .mjs, .cjs)");
    }
}
