package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.model.service.Event;
import dev.strato.model.service.Service;
import dev.strato.model.support.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** How each part of the model maps to Terraform, one small model at a time. */
class MappingTest {

    static final String HEAD =
            "service: shop\nstage: dev\nproviders: { gcp: { project: acme-shop, region: europe-west1 } }\n";

    @TempDir
    Path dir;

    private Service service(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/h.js"), "exports.handler = async () => ({});\n");
        Files.writeString(dir.resolve("strato.yml"), HEAD + yaml);
        return Examples.load(dir.resolve("strato.yml"));
    }

    private OutputTree generate(String yaml) throws Exception {
        return Examples.generate(service(yaml), dir);
    }

    private JsonNode resources(String yaml) throws Exception {
        OutputTree out = generate(yaml);
        JsonNode tree = ProviderSchema.JSON.readTree(OracleTest.text(out, GcpGenerator.CONFIGURATION));
        assertThat(ProviderSchema.validate(tree)).isEmpty();
        assertThat(References.check(tree)).isEmpty();
        return tree.path("resource");
    }

    @Test
    void ratesBecomeTheCronOfExactlyTheirPeriod() throws GenerationException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("1m", "* * * * *");
        expected.put("5m", "*/5 * * * *");
        expected.put("1h", "0 * * * *");
        expected.put("6h", "0 */6 * * *");
        expected.put("1d", "0 0 * * *");
        expected.put("7d", "0 0 * * 0");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Duration rate = Durations.parse(e.getKey()).orElseThrow();
            assertThat(ScheduleCron.of(new Event.Schedule(null, rate, "UTC", null, true)))
                    .as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(ScheduleCron.of(new Event.Schedule("0 2 * * *", null, "UTC", null, true)))
                .isEqualTo("0 2 * * *");
        assertThatThrownBy(() -> ScheduleCron.of(new Event.Schedule(null, Duration.ofMinutes(90), "UTC", null, true)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("rate 90m");
    }

    @Test
    void topicFiltersArePubSubFiltersOnAttributes() throws GenerationException {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put("type", List.of("order"));
        filter.put("kind", List.of("a", "b\"c"));
        assertThat(EventSources.filter(new Event.Topic("t", filter)))
                .isEqualTo("attributes.type = \"order\" AND (attributes.kind = \"a\" OR attributes.kind = \"b\\\"c\")");
        assertThat(EventSources.filter(new Event.Topic("t", Map.of()))).isNull();
        assertThatThrownBy(() -> EventSources.filter(new Event.Topic("t", Map.of("k", List.of("x".repeat(300))))))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("at most 256 bytes");
    }

    @Test
    void modelTextNeverBecomesATerraformExpression() throws Exception {
        JsonNode r = resources("description: costs $${HOME} and 100%{x}\nfunctions:\n  f:\n    handler: src/h.handler\n"
                + "    description: \"$${var.project}\"\n    environment: { A: \"$${google_x.y.z}\", B: \"%{if}\" }\n");
        JsonNode f = r.path(Types.FUNCTION).path("f");
        assertThat(f.path("description").asString()).isEqualTo("$${var.project}");
        assertThat(f.path("service_config")
                        .path("environment_variables")
                        .path("A")
                        .asString())
                .isEqualTo("$${google_x.y.z}");
        assertThat(f.path("service_config")
                        .path("environment_variables")
                        .path("B")
                        .asString())
                .isEqualTo("%%{if}");
    }

    @Test
    void secretsFillWholeVariablesWithAccessOnThatSecretOnly() throws Exception {
        JsonNode r = resources(
                "functions:\n  f:\n    handler: src/h.handler\n    environment: { KEY: \"${secret:api-key}\", T: \"${ref:t.id}\" }\n"
                        + "resources:\n  t: { type: topic }\n");
        JsonNode config = r.path(Types.FUNCTION).path("f").path("service_config");
        assertThat(config.path("secret_environment_variables").get(0).toString())
                .isEqualTo(
                        "{\"key\":\"KEY\",\"project_id\":\"${var.project}\",\"secret\":\"api-key\",\"version\":\"latest\"}");
        assertThat(config.path("environment_variables").path("T").asString()).isEqualTo("${google_pubsub_topic.t.id}");
        assertThat(r.path(Types.SECRET_IAM).path("f_api-key").path("role").asString())
                .isEqualTo("roles/secretmanager.secretAccessor");
        assertThat(r.path(Types.FUNCTION).path("f").path("depends_on").toString())
                .contains("google_secret_manager_secret_iam_member.f_api-key");
        assertThatThrownBy(
                        () -> generate(
                                "functions:\n  f:\n    handler: src/h.handler\n    environment: { URL: \"https://x?k=${secret:k}\" }\n"))
                .as("refused at validation")
                .hasMessageContaining("a secret inside other text is not possible on gcp");
    }

    @Test
    void aQueueIsATopicWithOneSubscriptionThatPushesToItsConsumer() throws Exception {
        JsonNode r = resources("functions:\n  w:\n    handler: src/h.handler\n    events: [ { queue: jobs } ]\n"
                + "resources:\n  jobs: { type: queue, visibilityTimeout: 2m, retention: 1d, deadLetter: failed, maxReceiveCount: 3 }\n"
                + "  failed: { type: queue }\n");
        JsonNode sub = r.path(Types.SUBSCRIPTION).path("jobs");
        assertThat(sub.path("topic").asString()).isEqualTo("${google_pubsub_topic.jobs.id}");
        assertThat(sub.path("ack_deadline_seconds").asInt()).isEqualTo(120);
        assertThat(sub.path("message_retention_duration").asString()).isEqualTo("86400s");
        assertThat(sub.path("expiration_policy").path("ttl").asString()).isEmpty();
        assertThat(sub.path("dead_letter_policy").path("max_delivery_attempts").asInt())
                .as("Pub/Sub's minimum")
                .isEqualTo(5);
        assertThat(sub.path("push_config").path("push_endpoint").asString())
                .isEqualTo("${google_cloudfunctions2_function.w.service_config[0].uri}");
        assertThat(sub.path("push_config")
                        .path("oidc_token")
                        .path("service_account_email")
                        .asString())
                .isEqualTo("${google_service_account.w.email}");
        assertThat(r.path(Types.TOPIC_IAM)
                        .path("failed_dead_letter")
                        .path("member")
                        .asString())
                .isEqualTo(
                        "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com");
        assertThat(r.path(Types.SUBSCRIPTION_IAM)
                        .path("jobs_dead_letter")
                        .path("role")
                        .asString())
                .isEqualTo("roles/pubsub.subscriber");
        assertThat(r.path(Types.RUN_IAM).path("w_events").path("member").asString())
                .isEqualTo("${google_service_account.w.member}");
        assertThat(r.path(Types.FUNCTION)
                        .path("w")
                        .path("service_config")
                        .path("ingress_settings")
                        .asString())
                .isEqualTo("ALLOW_INTERNAL_ONLY");
        assertThatThrownBy(
                        () -> generate("functions:\n  a:\n    handler: src/h.handler\n    events: [ { queue: jobs } ]\n"
                                + "  b:\n    handler: src/h.handler\n    events: [ { queue: jobs } ]\n"
                                + "resources:\n  jobs: { type: queue }\n"))
                .as("refused at validation")
                .hasMessageContaining("on gcp a queue's one Pub/Sub subscription delivers to one function");
    }

    @Test
    void aTopicConsumerGetsItsOwnFilteredSubscriptionWithTheFunctionsDeadLetter() throws Exception {
        JsonNode r =
                resources("functions:\n  pay:\n    handler: src/h.handler\n    retries: 9\n    deadLetter: failed\n"
                        + "    events: [ { topic: { topic: payments, filter: { type: [order] } } } ]\n"
                        + "resources:\n  payments: { type: topic }\n  failed: { type: queue }\n");
        JsonNode sub = r.path(Types.SUBSCRIPTION).path("pay_payments");
        assertThat(sub.path("name").asString()).isEqualTo("shop-dev-pay-payments");
        assertThat(sub.path("filter").asString()).isEqualTo("attributes.type = \"order\"");
        assertThat(sub.path("dead_letter_policy").path("dead_letter_topic").asString())
                .isEqualTo("${google_pubsub_topic.failed.id}");
        assertThat(sub.path("dead_letter_policy").path("max_delivery_attempts").asInt())
                .isEqualTo(10);
    }

    @Test
    void bucketOnlyFunctionsAreCloudEventFunctionsWithFurtherEventsAsTriggersOfTheirOwn() throws Exception {
        JsonNode r = resources("functions:\n  thumb:\n    handler: src/h.handler\n    retries: 0\n"
                + "    events: [ { bucket: { bucket: uploads, on: [created, deleted], prefix: in/ } } ]\n"
                + "resources:\n  uploads: { type: bucket, expireAfterDays: 7 }\n");
        JsonNode trigger = r.path(Types.FUNCTION).path("thumb").path("event_trigger");
        assertThat(trigger.path("event_type").asString()).isEqualTo("google.cloud.storage.object.v1.finalized");
        assertThat(trigger.path("retry_policy").asString()).isEqualTo("RETRY_POLICY_DO_NOT_RETRY");
        assertThat(trigger.path("event_filters").get(0).path("value").asString())
                .isEqualTo("${google_storage_bucket.uploads.name}");
        JsonNode deleted = r.path(Types.EVENTARC_TRIGGER).path("thumb_uploads_deleted");
        assertThat(deleted.path("matching_criteria").get(0).path("value").asString())
                .isEqualTo("google.cloud.storage.object.v1.deleted");
        assertThat(r.path(Types.PROJECT_IAM)
                        .path("strato_storage_agent_publisher")
                        .path("role")
                        .asString())
                .isEqualTo("roles/pubsub.publisher");
        assertThat(r.path(Types.PROJECT_IAM)
                        .path("thumb_event_receiver")
                        .path("role")
                        .asString())
                .isEqualTo("roles/eventarc.eventReceiver");
        JsonNode bucket = r.path(Types.BUCKET).path("uploads");
        assertThat(bucket.path("name").asString()).isEqualTo("${var.project}-shop-dev-uploads");
        assertThat(bucket.path("public_access_prevention").asString()).isEqualTo("enforced");
        assertThat(bucket.path("lifecycle_rule")
                        .get(0)
                        .path("condition")
                        .path("age")
                        .asInt())
                .isEqualTo(7);
    }

    @Test
    void tablesAreFirestoreDatabasesWithGrantsLimitedToThem() throws Exception {
        JsonNode r =
                resources("functions:\n  f:\n    handler: src/h.handler\n    permissions: { users: [read, write] }\n"
                        + "    events: [ { table: users } ]\n"
                        + "resources:\n  users: { type: table, key: { partition: id }, stream: true }\n");
        JsonNode grant = r.path(Types.PROJECT_IAM).path("f_users_write");
        assertThat(grant.path("role").asString()).isEqualTo("roles/datastore.user");
        assertThat(grant.path("condition").path("expression").asString())
                .isEqualTo(
                        "resource.name == \"projects/${var.project}/databases/${google_firestore_database.users.name}\"");
        assertThat(r.path(Types.PROJECT_IAM).has("f_users_read"))
                .as("user includes viewer")
                .isFalse();
        assertThat(r.path(Types.FIRESTORE).path("users").path("deletion_policy").asString())
                .as("kept unless delete_data")
                .isEqualTo("${var.delete_data ? \"DELETE\" : \"ABANDON\"}");
        JsonNode filters =
                r.path(Types.FUNCTION).path("f").path("event_trigger").path("event_filters");
        assertThat(filters.get(1).path("value").asString())
                .isEqualTo("${google_firestore_database.users.name}/{document}");
    }

    @Test
    void onlyAuthNoneRoutesArePublicAndOtherAuthWarnsWithoutTheGateway() throws Exception {
        OutputTree out = generate(
                "functions:\n  open:\n    handler: src/h.handler\n    events: [ { http: GET /a } ]\n"
                        + "  closed:\n    handler: src/h.handler\n    events: [ { http: { method: GET, path: /b, auth: key } } ]\n");
        JsonNode r = ProviderSchema.JSON
                .readTree(OracleTest.text(out, GcpGenerator.CONFIGURATION))
                .path("resource");
        assertThat(r.path(Types.RUN_IAM).path("open_public").path("member").asString())
                .isEqualTo("allUsers");
        assertThat(r.path(Types.RUN_IAM).has("closed_public")).isFalse();
        assertThat(r.path(Types.FUNCTION)
                        .path("closed")
                        .path("service_config")
                        .path("ingress_settings")
                        .asString())
                .isEqualTo("ALLOW_ALL");
        assertThat(out.warnings())
                .singleElement()
                .asString()
                .contains("closed: GET /b has auth key")
                .contains("api-gateway");
        Files.writeString(
                dir.resolve("strato.yml"),
                HEAD.replace("region: europe-west1", "region: europe-west1, gateway: api-gateway")
                        + "functions:\n  proxy:\n    handler: src/h.handler\n    events: [ { http: \"ANY /files/{path+}\" } ]\n");
        assertThatThrownBy(() -> Examples.generate(Examples.load(dir.resolve("strato.yml")), dir))
                .as("refused at validation")
                .hasMessageContaining("greedy parameter {path+} cannot be served through gcp's API Gateway");
    }

    @Test
    void longNamesStayWithinGcpLimits() throws Exception {
        String fn = "processIncomingPaymentNotificationsFromTheProviderWithRetries";
        JsonNode r = resources("functions:\n  " + fn + ":\n    handler: src/h.handler\n");
        String key = GcpNames.key(fn);
        assertThat(r.path(Types.FUNCTION).path(key).path("name").asString())
                .hasSizeLessThanOrEqualTo(63)
                .matches("[a-z][a-z0-9-]*[a-z0-9]");
        assertThat(r.path(Types.SERVICE_ACCOUNT).path(key).path("account_id").asString())
                .hasSizeLessThanOrEqualTo(30)
                .matches(".*-[0-9a-f]{8}");
    }

    @Test
    void entryModulesWrapPortableHandlersAndReExportNativeOnesForNodeInTheProjectsModuleSystemAndForPython()
            throws Exception {
        String yaml = "package: { individually: false }\nfunctions:\n  a:\n    handler: src/h.handler\n"
                + "  c:\n    handler: src/h.handler\n    adapter: native\n"
                + "  b:\n    handler: src/py/m.run\n    runtime: python3.12\n"
                + "  d:\n    handler: src/py/m.run\n    runtime: python3.12\n    adapter: native\n";
        Files.createDirectories(dir.resolve("src/py"));
        Files.writeString(dir.resolve("src/py/m.py"), "def run(request):\n    return 'ok'\n");
        Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\"}\n");
        Service s = service(yaml);
        var packages = GcpGenerator.build(new GenerationContext(s, dir)).packages();
        Map<String, String> files = Zips.read(packages.of("a").bytes());
        assertThat(files.get("index.js"))
                .contains("import { adapt } from './strato/gcp.mjs';")
                .contains(
                        "const fn_a = adapt({\"name\":\"a\",\"module\":\"src/h.js\",\"export\":\"handler\",\"kinds\":[]")
                .contains("export { fn_a as a };")
                .contains("export { handler as c } from './src/h.js';");
        assertThat(files.get("main.py"))
                .contains("from strato_adapter.gcp import adapt")
                .contains("globals()[\"b\"] = adapt('{\"name\":\"b\",\"module\":\"src.py.m\",\"export\":\"run\"")
                .contains("d = getattr(importlib.import_module(\"src.py.m\"), \"run\")");
        assertThat(files)
                .containsKeys(
                        "strato/core.mjs",
                        "strato/gcp.mjs",
                        "strato_adapter/__init__.py",
                        "strato_adapter/core.py",
                        "strato_adapter/gcp.py");
        Files.writeString(dir.resolve("package.json"), "{}\n");
        packages = GcpGenerator.build(new GenerationContext(s, dir)).packages();
        assertThat(Zips.read(packages.of("a").bytes()).get("index.js"))
                .contains("const gcp = import('./strato/gcp.mjs');")
                .contains("exports.a = adapt({")
                .contains("exports.c = require('./src/h.js').handler;");
        Files.writeString(dir.resolve("package.json"), "{\"main\": \"src/h.js\"}\n");
        assertThatThrownBy(() -> Examples.generate(s, dir))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("package.json sets \"main\"");
    }

    @Test
    void onlyNativeFunctionsGetNoAdapter() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\"}\n");
        Service s = service("functions:\n  a:\n    handler: src/h.handler\n    adapter: native\n");
        Map<String, String> files = Zips.read(GcpGenerator.build(new GenerationContext(s, dir))
                .packages()
                .of("a")
                .bytes());
        assertThat(files.get("index.js"))
                .doesNotContain("adapt")
                .contains("export { handler as a } from './src/h.js';");
        assertThat(files.keySet()).noneMatch(name -> name.startsWith("strato/"));
    }

    @Test
    void tagsBecomeValidLabels() {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> labels = Labels.of(Map.of("Cost Center", "R&D 42"), "f", warnings::add);
        assertThat(labels).containsEntry("cost_center", "r_d_42");
        assertThat(Labels.of(new LinkedHashMap<>(Map.of("9lives", "x")), "f", warnings::add))
                .containsKey("t_9lives");
        Map<String, String> clash = new LinkedHashMap<>();
        clash.put("a b", "1");
        clash.put("a_b", "2");
        assertThat(Labels.of(clash, "f", warnings::add))
                .containsEntry("a_b", "1")
                .hasSize(1);
        assertThat(warnings).singleElement().asString().contains("tag a_b");
    }

    @Test
    void theConfigurationEnablesTheApisItUsesAndRootsWaitForThem() throws Exception {
        JsonNode r = resources("functions:\n  f:\n    handler: src/h.handler\n    events: [ { schedule: 5m } ]\n");
        assertThat(r.path(Types.PROJECT_SERVICE)
                        .path(ProjectApis.NAME)
                        .path("for_each")
                        .toString())
                .contains("cloudfunctions.googleapis.com")
                .contains("cloudscheduler.googleapis.com")
                .doesNotContain("pubsub");
        assertThat(r.path(Types.SERVICE_ACCOUNT).path("f").path("depends_on").toString())
                .contains(ProjectApis.ADDRESS);
        assertThat(r.path(Types.FUNCTION).path("f").path("depends_on").toString())
                .as("waits through its service account, and for its build's roles")
                .doesNotContain(ProjectApis.ADDRESS)
                .contains("google_project_iam_member.strato_build_log_writer");
        JsonNode job = r.path(Types.SCHEDULER_JOB).path("f_schedule");
        assertThat(job.path("schedule").asString()).isEqualTo("*/5 * * * *");
        assertThat(job.path("http_target")
                        .path("oidc_token")
                        .path("service_account_email")
                        .asString())
                .isEqualTo("${google_service_account.strato_scheduler.email}");
        assertThat(new String(
                        Base64.getDecoder()
                                .decode(job.path("http_target").path("body").asString()),
                        StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }
}
