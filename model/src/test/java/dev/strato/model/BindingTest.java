package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.service.Architecture;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindingTest {

    @TempDir
    Path dir;

    @Test
    void functionValueThenDefaultsThenBuiltIn() {
        LoadResult r = Models.load(dir, "service: demo\n" + Models.PROVIDERS + """
                defaults:
                  memory: 2GB
                  environment: { A: "1", B: "2" }
                  tags: { team: x }
                functions:
                  own:
                    handler: src/a.main
                    memory: 512MB
                    timeout: 90
                    environment: { B: "3" }
                  inherits:
                    handler: src/b.main
                """);
        assertThat(Models.errors(r)).isEmpty();
        Function own = r.service().orElseThrow().functions().get("own");
        Function inherits = r.service().orElseThrow().functions().get("inherits");
        assertThat(own.memoryMb()).isEqualTo(512);
        assertThat(own.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(own.environment()).containsEntry("A", new Value.Text("1")).containsEntry("B", new Value.Text("3"));
        assertThat(inherits.memoryMb()).isEqualTo(2048);
        assertThat(inherits.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(inherits.tags()).containsEntry("team", "x");
        assertThat(inherits.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(inherits.runtime()).isEqualTo(Runtime.NODEJS22);
        assertThat(inherits.retries()).isEqualTo(2);
    }

    @Test
    void shortAndLongEventForms() {
        LoadResult r = Models.load(dir, "service: demo\n" + Models.PROVIDERS + """
                functions:
                  api:
                    handler: src/a.main
                    events:
                      - http: get /orders/{id}
                      - schedule: 5m
                      - schedule: "0 2 * * *"
                      - queue: jobs
                      - bucket: { bucket: uploads, on: [created, deleted], prefix: in/ }
                resources:
                  jobs: { type: queue }
                  uploads: { type: bucket }
                """);
        assertThat(Models.errors(r)).isEmpty();
        List<Event> events = r.service().orElseThrow().functions().get("api").events();
        assertThat(events)
                .containsExactly(
                        new Event.Http(HttpMethod.GET, "/orders/{id}", null, Event.Auth.NONE),
                        new Event.Schedule(null, Duration.ofMinutes(5), "UTC", null, true),
                        new Event.Schedule("0 2 * * *", null, "UTC", null, true),
                        new Event.Queue("jobs", 10),
                        new Event.Bucket("uploads", List.of(BucketAction.CREATED, BucketAction.DELETED), "in/", null));
    }

    @Test
    void unknownKeysAtEveryLevelWithSuggestions() {
        LoadResult r = Models.load(
                dir, "service: demo\n" + Models.PROVIDERS.replace("region: us-east-1", "regoin: us-east-1") + """
                functions:
                  api:
                    handler: src/a.main
                    memroy: 512
                    events:
                      - htp: GET /x
                """);
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:3:8: error: providers.aws: missing required key 'region': AWS region, e.g. us-east-1.",
                        "strato.yml:3:10: error: providers.aws: unknown key 'regoin' (did you mean 'region'?) (allowed: region, format, profile)",
                        "strato.yml:9:5: error: functions.api: unknown key 'memroy' (did you mean 'memory'?) (allowed: memory, timeout, environment, tracing, logRetentionDays, alarms, tags, architecture, retries, handler, description, runtime, adapter, deadLetter, events, permissions)",
                        "strato.yml:11:9: error: functions.api.events[0]: unknown key 'htp' (did you mean 'http'?) (allowed: http, schedule, queue, topic, bucket, table)");
    }

    @Test
    void wrongTypesNameWhatWasExpected() {
        LoadResult r = Models.load(dir, "service: demo\n" + Models.PROVIDERS + """
                functions:
                  api:
                    handler: [a]
                    memory: lots
                    tracing: maybe
                    events: { http: GET / }
                """);
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:8:14: error: functions.api.handler: expected a string, got a list",
                        "strato.yml:9:13: error: functions.api.memory: expected a size in MB such as 512, 512MB or 2GB, got 'lots'",
                        "strato.yml:10:14: error: functions.api.tracing: expected true or false, got 'maybe'",
                        "strato.yml:11:13: error: functions.api.events: expected a list, got a map");
    }
}
