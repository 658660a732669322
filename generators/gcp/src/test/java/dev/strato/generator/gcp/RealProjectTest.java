package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.generator.OutputTree;
import dev.strato.model.providers.GcpRegions;
import dev.strato.model.providers.TimeZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a real project needs beyond a schema-valid configuration: the twelve fixes of issue 17,
 * each checked against what Google's and the provider's documentation say (docs/GCP.md,
 * "Configuration on a real project", cites the pages).
 */
class RealProjectTest {

    static final String HEAD =
            "service: shop\nstage: dev\nproviders: { gcp: { project: acme-shop, region: europe-west1 } }\n";

    @TempDir
    Path dir;

    private OutputTree generate(String head, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/h.js"), "exports.handler = async () => ({});\n");
        Files.writeString(dir.resolve("strato.yml"), head + yaml);
        return Examples.generate(Examples.load(dir.resolve("strato.yml")), dir);
    }

    private JsonNode configuration(String head, String yaml) throws Exception {
        JsonNode tree = ProviderSchema.JSON.readTree(OracleTest.text(generate(head, yaml), GcpGenerator.CONFIGURATION));
        assertThat(ProviderSchema.validate(tree)).isEmpty();
        assertThat(References.check(tree)).isEmpty();
        return tree;
    }

    private JsonNode resources(String yaml) throws Exception {
        return configuration(HEAD, yaml).path("resource");
    }

    private static List<String> dependsOn(JsonNode body) {
        List<String> list = new ArrayList<>();
        body.path("depends_on").forEach(n -> list.add(n.asString()));
        return list;
    }

    /** Fix 1: Cloud Build runs as an account of the configuration's own, with the documented roles, granted before any build. */
    @Test
    void functionsBuildAsTheirOwnBuildAccountWithTheDocumentedRoles() throws Exception {
        JsonNode r = resources("functions:\n  f:\n    handler: src/h.handler\n");
        assertThat(r.path(Types.FUNCTION)
                        .path("f")
                        .path("build_config")
                        .path("service_account")
                        .asString())
                .as("projects/P/serviceAccounts/EMAIL, which the id attribute is")
                .isEqualTo("${google_service_account.strato_build.id}");
        assertThat(r.path(Types.SERVICE_ACCOUNT)
                        .path("strato_build")
                        .path("account_id")
                        .asString())
                .isEqualTo("shop-dev-build");
        List<String> roles = new ArrayList<>();
        for (String name :
                List.of("strato_build_log_writer", "strato_build_artifact_writer", "strato_build_object_admin")) {
            JsonNode grant = r.path(Types.PROJECT_IAM).path(name);
            assertThat(grant.path("member").asString()).isEqualTo("${google_service_account.strato_build.member}");
            roles.add(grant.path("role").asString());
        }
        assertThat(roles)
                .containsExactly(
                        "roles/logging.logWriter", "roles/artifactregistry.writer", "roles/storage.objectAdmin");
        assertThat(dependsOn(r.path(Types.FUNCTION).path("f"))).containsAll(BuildAccount.grants());
    }

    /** Fix 2: an Eventarc destination and the alert filter take the bare Cloud Run service name, not projects/.../services/S. */
    @Test
    void eventarcDestinationsAndAlertFiltersNameTheBareService() throws Exception {
        JsonNode c = configuration(
                HEAD,
                "functions:\n  f:\n    handler: src/h.handler\n    alarms: true\n"
                        + "    events: [ { http: GET /a }, { bucket: { bucket: uploads, on: [created] } } ]\n"
                        + "resources:\n  uploads: { type: bucket }\n");
        JsonNode r = c.path("resource");
        String bare = "reverse(split(\"/\", google_cloudfunctions2_function.f.service_config[0].service))[0]";
        assertThat(c.path("output").path("function_f_service").path("value").asString())
                .as("for the client's log filters")
                .isEqualTo("${" + bare + "}");
        JsonNode destination = r.path(Types.EVENTARC_TRIGGER)
                .path("f_uploads_created")
                .path("destination")
                .path("cloud_run_service");
        assertThat(destination.path("service").asString()).isEqualTo("${" + bare + "}");
        assertThat(r.path(Types.ALERT_POLICY)
                        .path("f_errors")
                        .path("conditions")
                        .get(0)
                        .path("condition_threshold")
                        .path("filter")
                        .asString())
                .contains("resource.labels.service_name = \"${" + bare + "}\"");
        assertThat(r.toString())
                .as("nowhere else is the full name used as a service name")
                .doesNotContain("\"service\":\"${google_cloudfunctions2_function.f.service_config[0].service}\"");
    }

    /** Fix 3: API config ids are at most 63 characters after the provider's 26-character suffix; gateway ids at most 49. */
    @Test
    void apiGatewayIdsStayWithinTheirLimitsForLongNames() throws Exception {
        String head = "service: payments-settlement-reconciler1\nstage: production-eu\n"
                + "providers: { gcp: { project: acme-shop, region: europe-west1, gateway: api-gateway } }\n";
        JsonNode r = configuration(
                        head, "functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: GET /a } ]\n")
                .path("resource");
        String prefix = r.path(Types.API_CONFIG)
                .path(ApiGateway.NAME)
                .path("api_config_id_prefix")
                .asString();
        assertThat(prefix.length() + ApiGateway.UNIQUE_SUFFIX_LENGTH).isLessThanOrEqualTo(63);
        assertThat(prefix).matches("[a-z][a-z0-9-]*-");
        assertThat(r.path(Types.GATEWAY)
                        .path(ApiGateway.NAME)
                        .path("gateway_id")
                        .asString())
                .hasSizeLessThanOrEqualTo(49)
                .matches("[a-z][a-z0-9-]*[a-z0-9]");
        assertThat(r.path(Types.API).path(ApiGateway.NAME).path("api_id").asString())
                .hasSizeLessThanOrEqualTo(63);
    }

    /** Fix 4: exactly the tz database names; month and weekday names as numbers. */
    @Test
    void schedulesTakeTzDatabaseNamesOnlyAndNumbersForNames() throws Exception {
        JsonNode r = resources("functions:\n  f:\n    handler: src/h.handler\n"
                + "    events: [ { schedule: { cron: \"0 9 * jan-mar MON-FRI\", timezone: EST } } ]\n");
        JsonNode job = r.path(Types.SCHEDULER_JOB).path("f_schedule");
        assertThat(job.path("time_zone").asString()).isEqualTo("EST");
        assertThat(job.path("schedule").asString()).isEqualTo("0 9 * 1-3 1-5");
        assertThat(ScheduleCron.numbered("*/5 8-18 1,15 DEC sun,sat")).isEqualTo("*/5 8-18 1,15 12 0,6");
        assertThat(TimeZones.isName("America/New_York")).isTrue();
        assertThat(TimeZones.isName("US/Eastern"))
                .as("a backward link of the tz database")
                .isTrue();
        assertThat(TimeZones.isName("Factory")).isFalse();
        Map<String, String> refused = Map.of(
                "+02:00", "did you mean 'Etc/GMT-2'?",
                "Z", "did you mean 'UTC'?",
                "GMT+2", "did you mean 'Etc/GMT-2'?",
                "+05:30", "Asia/Kolkata",
                "Europe/Berln", "did you mean 'Europe/Berlin'?");
        refused.forEach((zone, hint) -> assertThatThrownBy(() -> generate(
                        HEAD,
                        "functions:\n  f:\n    handler: src/h.handler\n"
                                + "    events: [ { schedule: { cron: \"0 9 * * *\", timezone: \"" + zone
                                + "\" } } ]\n"))
                .as(zone)
                .hasMessageContaining("strato.yml:7:")
                .hasMessageContaining("unknown time zone '" + zone + "'")
                .hasMessageContaining(hint));
    }

    /** Fix 5: the README lists the roles that can set IAM on single resources, and Infrastructure Manager's own. */
    @Test
    void theReadmeListsTheRolesOfThisConfigurationAndInfrastructureManagers() throws Exception {
        OutputTree out = generate(
                HEAD,
                "functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: GET /a }, { queue: jobs } ]\n"
                        + "resources:\n  jobs: { type: queue }\n");
        String readme = OracleTest.text(out, GcpGenerator.README);
        assertThat(readme)
                .contains(
                        "`roles/config.agent`",
                        "`roles/config.admin`",
                        "`roles/iam.serviceAccountUser`",
                        "`roles/run.admin`",
                        "`roles/pubsub.admin`",
                        "`roles/resourcemanager.projectIamAdmin`",
                        "`roles/serviceusage.serviceUsageAdmin`");
        assertThat(readme)
                .as("only what this configuration holds")
                .doesNotContain("roles/cloudscheduler.admin", "roles/datastore.owner");
        assertThat(readme).doesNotContain("for example `roles/editor`");
    }

    /** Fix 6: write can overwrite (objectUser); write and delete share one binding. */
    @Test
    void bucketWriteCanOverwriteAndSharesDeletesGrant() throws Exception {
        JsonNode r = resources(
                "functions:\n  f:\n    handler: src/h.handler\n    permissions: { files: [write, delete], logs: [write] }\n"
                        + "resources:\n  files: { type: bucket }\n  logs: { type: bucket }\n");
        JsonNode grants = r.path(Types.BUCKET_IAM);
        assertThat(grants.path("f_logs_write").path("role").asString()).isEqualTo("roles/storage.objectUser");
        assertThat(grants.path("f_files_write").path("role").asString()).isEqualTo("roles/storage.objectUser");
        assertThat(grants.has("f_files_delete"))
                .as("the same role and member twice would be removed by either on destroy")
                .isFalse();
        assertThat(Permissions.bucketRole(dev.strato.model.service.Verb.WRITE))
                .isNotEqualTo("roles/storage.objectCreator");
    }

    /** Fix 7: a queue's push subscription waits the function's timeout, not only the queue's visibility timeout. */
    @Test
    void aPushOutlastsTheFunctionsTimeout() throws Exception {
        String yaml = "functions:\n  w:\n    handler: src/h.handler\n    timeout: 2m\n    events: [ { queue: jobs } ]\n"
                + "resources:\n  jobs: { type: queue, visibilityTimeout: 30s }\n";
        JsonNode r = resources(yaml);
        assertThat(r.path(Types.SUBSCRIPTION)
                        .path("jobs")
                        .path("ack_deadline_seconds")
                        .asInt())
                .isEqualTo(120);
        assertThat(OracleTest.text(generate(HEAD, yaml), GcpGenerator.README))
                .contains("ack deadline of queue jobs's subscription is the function's timeout, 120 s");
        JsonNode longer = resources(
                "functions:\n  w:\n    handler: src/h.handler\n    timeout: 20s\n    events: [ { queue: jobs } ]\n"
                        + "resources:\n  jobs: { type: queue, visibilityTimeout: 5m }\n");
        assertThat(longer.path(Types.SUBSCRIPTION)
                        .path("jobs")
                        .path("ack_deadline_seconds")
                        .asInt())
                .as("the larger of the two")
                .isEqualTo(300);
        JsonNode topic = resources(
                "functions:\n  w:\n    handler: src/h.handler\n    timeout: 9m\n    events: [ { topic: news } ]\n"
                        + "resources:\n  news: { type: topic }\n");
        assertThat(topic.path(Types.SUBSCRIPTION)
                        .path("w_news")
                        .path("ack_deadline_seconds")
                        .asInt())
                .isEqualTo(540);
        assertThatThrownBy(
                        () -> generate(
                                HEAD,
                                "functions:\n  w:\n    handler: src/h.handler\n    timeout: 15m\n"
                                        + "    events: [ { http: GET /a }, { queue: jobs } ]\nresources:\n  jobs: { type: queue }\n"))
                .as("beyond what a push can wait (600 s): refused for gcp at the timeout")
                .hasMessageContaining("strato.yml:7:14: error: functions.w.timeout")
                .hasMessageContaining("functions.w.timeout");
    }

    /** Fix 8: Pub/Sub's service agent may mint the push and trigger tokens, also in projects from before April 2021. */
    @Test
    void pubSubsAgentCanCreateTheTokensOfPushesAndTriggers() throws Exception {
        JsonNode r = resources(
                "functions:\n  w:\n    handler: src/h.handler\n    events: [ { queue: jobs }, { topic: news } ]\n"
                        + "  t:\n    handler: src/h.handler\n    events: [ { http: GET /a }, { bucket: { bucket: up, on: [created] } } ]\n"
                        + "resources:\n  jobs: { type: queue }\n  news: { type: topic }\n  up: { type: bucket }\n");
        JsonNode grant = r.path(Types.PROJECT_IAM).path(EventSources.TOKEN_CREATOR_GRANT);
        assertThat(grant.path("role").asString()).isEqualTo("roles/iam.serviceAccountTokenCreator");
        assertThat(grant.path("member").asString())
                .isEqualTo(
                        "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com");
        String address = Types.PROJECT_IAM + "." + EventSources.TOKEN_CREATOR_GRANT;
        assertThat(dependsOn(r.path(Types.SUBSCRIPTION).path("jobs"))).contains(address);
        assertThat(dependsOn(r.path(Types.SUBSCRIPTION).path("w_news"))).contains(address);
        assertThat(dependsOn(r.path(Types.EVENTARC_TRIGGER).path("t_up_created")))
                .contains(address);
        JsonNode none = resources("functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: GET /a } ]\n");
        assertThat(none.path(Types.PROJECT_IAM).has(EventSources.TOKEN_CREATOR_GRANT))
                .as("only with pushes or Eventarc")
                .isFalse();
    }

    /** Fix 9: Eventarc's APIs, the API key service after its config, and the gateway only where API Gateway exists. */
    @Test
    void eventarcEnablesPubSubAndLoggingAndTheGatewayRegionIsChecked() throws Exception {
        JsonNode r = resources("functions:\n  f:\n    handler: src/h.handler\n    events: [ { table: users } ]\n"
                + "resources:\n  users: { type: table, key: { partition: id }, stream: true }\n");
        assertThat(r.path(Types.PROJECT_SERVICE)
                        .path(ProjectApis.NAME)
                        .path("for_each")
                        .toString())
                .contains("eventarc.googleapis.com", "pubsub.googleapis.com", "logging.googleapis.com");
        String gateway = HEAD.replace("region: europe-west1", "region: europe-west1, gateway: api-gateway");
        JsonNode keys = configuration(
                        gateway,
                        "functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: { method: GET, path: /a, auth: key } } ]\n")
                .path("resource")
                .path(Types.PROJECT_SERVICE)
                .path("strato_api_keys");
        assertThat(dependsOn(keys)).containsExactly(Types.API_CONFIG + "." + ApiGateway.NAME);
        assertThat(GcpRegions.of("apigateway"))
                .contains("europe-west1", "us-central1")
                .doesNotContain("southamerica-east1");
        String elsewhere =
                "service: shop\nstage: dev\nproviders:\n  gcp: { project: acme-shop, region: southamerica-east1, gateway: api-gateway }\n";
        assertThatThrownBy(() -> generate(
                        elsewhere, "functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: GET /a } ]\n"))
                .hasMessageContaining("strato.yml:4:")
                .hasMessageContaining("providers.gcp.region: region southamerica-east1 has no API Gateway");
        // without routes there is no gateway, so any region does
        assertThat(configuration(elsewhere, "functions:\n  f:\n    handler: src/h.handler\n")
                        .path("resource")
                        .has(Types.GATEWAY))
                .isFalse();
    }

    /** Fix 10 (configuration side): data is kept on destroy unless delete_data, and a kept database can be imported by its literal name. */
    @Test
    void dataIsKeptOnDestroyUnlessDeleteDataAndKeptDatabasesCanBeImported() throws Exception {
        JsonNode c = configuration(
                HEAD,
                "functions:\n  f:\n    handler: src/h.handler\n    permissions: { users: [read], files: [read] }\n"
                        + "resources:\n  users: { type: table, key: { partition: id } }\n  files: { type: bucket }\n");
        assertThat(c.path("variable")
                        .path(Variables.DELETE_DATA)
                        .path("default")
                        .asBoolean(true))
                .isFalse();
        JsonNode db = c.path("resource").path(Types.FIRESTORE).path("users");
        assertThat(db.path("deletion_policy").asString()).isEqualTo("${var.delete_data ? \"DELETE\" : \"ABANDON\"}");
        assertThat(db.path("name").asString())
                .as("a literal, so deploy can write the import id projects/P/databases/NAME")
                .isEqualTo("shop-dev-users")
                .doesNotContain("${");
        assertThat(c.path("resource")
                        .path(Types.BUCKET)
                        .path("files")
                        .path("force_destroy")
                        .asString())
                .isEqualTo("${var.delete_data}");
        assertThat(c.path("resource")
                        .path(Types.BUCKET)
                        .path(SourceArchives.BUCKET)
                        .path("force_destroy")
                        .asBoolean())
                .as("sources go anyway")
                .isTrue();
    }

    /** Fix 11 (configuration side): what waits for a fresh grant says so in depends_on, so only propagation is left to retry. */
    @Test
    void whatNeedsAFreshGrantWaitsForIt() throws Exception {
        JsonNode r = resources(
                "functions:\n  f:\n    handler: src/h.handler\n    events: [ { schedule: 5m }, { bucket: { bucket: up, on: [created, deleted] } } ]\n"
                        + "resources:\n  up: { type: bucket }\n");
        assertThat(dependsOn(r.path(Types.SCHEDULER_JOB).path("f_schedule")))
                .containsExactly(Types.RUN_IAM + ".f_scheduler");
        assertThat(dependsOn(r.path(Types.EVENTARC_TRIGGER).path("f_up_created")))
                .contains(
                        Types.PROJECT_IAM + ".f_event_receiver",
                        Types.RUN_IAM + ".f_events",
                        Types.PROJECT_IAM + "." + EventSources.STORAGE_AGENT_GRANT);
        assertThat(dependsOn(r.path(Types.FUNCTION).path("f"))).contains(Types.PROJECT_IAM + ".f_event_receiver");
    }

    /** Fix 12 (configuration side): allUsers grants can be left out where domain restricted sharing forbids them. */
    @Test
    void publicInvokersCanBeLeftOutWhereAnOrganizationPolicyForbidsThem() throws Exception {
        JsonNode c =
                configuration(HEAD, "functions:\n  f:\n    handler: src/h.handler\n    events: [ { http: GET /a } ]\n");
        assertThat(c.path("variable")
                        .path(Variables.ALLOW_UNAUTHENTICATED)
                        .path("default")
                        .asBoolean(false))
                .isTrue();
        JsonNode grant = c.path("resource").path(Types.RUN_IAM).path("f_public");
        assertThat(grant.path("member").asString()).isEqualTo("allUsers");
        assertThat(grant.path("count").asString()).isEqualTo("${var.allow_unauthenticated ? 1 : 0}");
    }
}
