package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.AzureQueues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a real Azure deployment needs beyond the schemas (issue 16, "The template must deploy and
 * work on real Azure"): each test names the fix it guards and docs/AZURE.md cites the page.
 */
class DeployabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** Fix 8: Host.Results above Information drops the request telemetry of every function. */
    @Test
    void hostJsonKeepsRequestTelemetry() throws Exception {
        for (String example : Examples.names()) {
            JsonNode host =
                    JSON.readTree(Examples.generate(example).files().get(AppPackage.DIR + AppPackage.HOST_JSON));
            JsonNode levels = host.at("/logging/logLevel");
            assertThat(levels.path("default").asString()).as(example).isEqualTo("Information");
            levels.properties()
                    .forEach(e -> assertThat(e.getValue().asString())
                            .as(example + " " + e.getKey())
                            .isIn("Information", "Debug", "Trace"));
        }
    }

    /** Fix 2: Flex Consumption rejects siteConfig.ftpsState (ARM error 51021); basic publishing is off by policy on every plan. */
    @Test
    void basicPublishingIsOffByPolicyAndFlexGetsNoFtpsState() throws Exception {
        for (AzurePlan plan : AzurePlan.values()) {
            JsonNode t = template(
                    generate(Examples.with(Examples.load("hello-http"), plan, AzureQueues.SERVICEBUS), "hello-http"));
            JsonNode siteConfig = site(t).at("/properties/siteConfig");
            assertThat(siteConfig.has("ftpsState")).as(plan + " ftpsState").isEqualTo(plan != AzurePlan.FLEX);
            List<String> policies = ofType(t, "basicPublishingCredentialsPolicies").stream()
                    .map(r -> r.path("name").asString() + "="
                            + r.at("/properties/allow").asString())
                    .toList();
            assertThat(policies).as(plan.toString()).containsExactlyInAnyOrder("ftp=false", "scm=false");
        }
    }

    /** Fix 10: a topic's subscription and its rule are top-level resources; nested two levels deep, the strict schema refuses them. */
    @Test
    void grandchildrenAreTopLevelAndTheSchemaRefusesThemNested() throws Exception {
        ObjectNode t = (ObjectNode) template(Examples.generate("orders"));
        for (JsonNode r : t.path("resources")) {
            for (JsonNode child : r.path("resources"))
                assertThat(child.has("resources"))
                        .as(r.path("name") + " / " + child.path("name"))
                        .isFalse();
        }
        ArrayNode top = (ArrayNode) t.get("resources");
        int topic = OracleTest.indexOf(t, DataResources.SERVICE_BUS + "/topics");
        int subscription = OracleTest.indexOf(t, DataResources.SERVICE_BUS + "/topics/subscriptions");
        int rule = OracleTest.indexOf(t, DataResources.SERVICE_BUS + "/topics/subscriptions/rules");
        assertThat(AzureSchemas.strict().template(t)).isEmpty();
        ObjectNode nestedRule =
                ((ObjectNode) top.get(rule).deepCopy()).put("type", "rules").put("name", "$Default");
        ObjectNode nestedSubscription = ((ObjectNode) top.get(subscription).deepCopy())
                .put("type", "subscriptions")
                .put("name", "process-payment");
        nestedSubscription.putArray("resources").add(nestedRule);
        ((ObjectNode) top.get(topic)).putArray("resources").add(nestedSubscription);
        top.remove(Math.max(rule, subscription));
        top.remove(Math.min(rule, subscription));
        assertThat(topic).isLessThan(Math.min(rule, subscription));
        assertThat(AzureSchemas.strict().template(t))
                .as("two levels deep")
                .extracting(AzureSchemas.Problem::toString)
                .anyMatch(p -> p.startsWith("/resources/" + topic + "/resources/0"));
    }

    /** Fix 6: a Storage queue trigger's poison queue exists and the app may send to it. */
    @Test
    void storageQueueTriggersGetTheirPoisonQueueAndMaySendToIt() throws Exception {
        String longName = "q" + "Ab".repeat(30);
        JsonNode t = template(project(
                "flex",
                "storage",
                "  w: { handler: src/h.handler, events: [ queue: jobs, { queue: " + longName + " } ] }\n",
                "  jobs: { type: queue }\n  " + longName + ": { type: queue }\n"));
        List<String> queues =
                ofType(t, "queues").stream().map(r -> r.path("name").asString()).toList();
        assertThat(queues).contains("jobs", "jobs-poison").allMatch(q -> q.length() <= 63);
        String longQueue = queues.stream()
                .filter(q -> q.startsWith("q-ab") && !q.endsWith("-poison"))
                .findFirst()
                .orElseThrow();
        assertThat(queues).contains(longQueue + "-poison");
        String sender = variable(t, "storageQueueDataMessageSenderRole");
        assertThat(sender).isEqualTo(Role.STORAGE_QUEUE_DATA_MESSAGE_SENDER.id());
        assertThat(assignments(t, "storageQueueDataMessageSenderRole"))
                .anyMatch(scope -> scope.endsWith("/queues/jobs-poison')]"))
                .anyMatch(scope -> scope.endsWith("/queues/" + longQueue + "-poison')]"));
    }

    /**
     * Fix 7: Service Bus triggers scale on the entity's message count, which Receiver cannot read:
     * Data Owner on the one queue or subscription; the host storage gets Table Data Contributor.
     */
    @Test
    void serviceBusTriggersMayReadTheirEntityLengthAndTheHostMayWriteTables() throws Exception {
        JsonNode t = template(Examples.generate("orders"));
        assertThat(variable(t, "serviceBusDataOwnerRole")).isEqualTo(Role.SERVICE_BUS_DATA_OWNER.id());
        assertThat(assignments(t, "serviceBusDataOwnerRole"))
                .anyMatch(s -> s.endsWith("/queues/order-jobs')]"))
                .anyMatch(s -> s.contains("/subscriptions/") && s.contains("process-payment"))
                .noneMatch(s -> s.endsWith("variables('serviceBusName'))]"));
        assertThat(assignments(t, "serviceBusDataReceiverRole"))
                .as("covered by Data Owner")
                .isEmpty();
        assertThat(variable(t, "storageTableDataContributorRole")).isEqualTo(Role.STORAGE_TABLE_DATA_CONTRIBUTOR.id());
        assertThat(assignments(t, "storageTableDataContributorRole")).hasSize(1);
    }

    /** A variable of the template or of its nested deployments. */
    static String variable(JsonNode template, String name) {
        if (template.path("variables").has(name))
            return template.path("variables").path(name).asString();
        for (JsonNode r : resources(template)) {
            JsonNode v = r.at("/properties/template/variables/" + name);
            if (!v.isMissingNode()) return v.asString();
        }
        return null;
    }

    /** The scopes of the Azure RBAC role assignments of one role variable (nested deployments included). */
    static List<String> assignments(JsonNode template, String roleVariable) {
        return ofType(template, "Microsoft.Authorization/roleAssignments").stream()
                .filter(r -> r.at("/properties/roleDefinitionId").asString().contains("'" + roleVariable + "'"))
                .map(r -> r.path("scope").asString())
                .toList();
    }

    /**
     * Fix 1: the globally unique names end in the nameSuffix parameter, whose default derives from
     * subscription and resource group, so two people deploying one example do not collide.
     */
    @Test
    void globalNamesEndInASuffixFromSubscriptionAndResourceGroup() throws Exception {
        List<String> global = List.of(
                DataResources.STORAGE, AzureApp.SITES, DataResources.SERVICE_BUS, DataResources.COSMOS, KeyVault.TYPE);
        for (String example : Examples.names()) {
            JsonNode t = template(Examples.generate(example));
            assertThat(t.at("/parameters/nameSuffix/defaultValue").asString())
                    .as(example)
                    .startsWith("[uniqueString(subscription().id, resourceGroup().id, ");
            assertThat(t.at("/parameters/nameSuffix/maxLength").asInt()).isEqualTo(13);
            for (JsonNode r : t.path("resources")) {
                if (!global.contains(r.path("type").asString())) continue;
                String name = r.path("name").asString();
                assertThat(name)
                        .as(example + " " + r.path("type"))
                        .matches("\\[(variables|parameters)\\('[A-Za-z]+'\\)]");
                String ref = name.substring(name.indexOf("('") + 2, name.indexOf("')"));
                String value = name.startsWith("[variables")
                        ? t.path("variables").path(ref).asString()
                        : t.path("parameters").path(ref).path("defaultValue").asString();
                assertThat(value)
                        .as(example + " " + ref)
                        .matches("\\[concat\\('[a-z0-9-]+', parameters\\('nameSuffix'\\)\\)]");
            }
            assertThat(t.toString())
                    .as(example + ": no literal name with the old hash")
                    .doesNotContainPattern("stordersdev[0-9a-f]{8}");
        }
    }

    /**
     * Fix 9: role assignment names contain the principal id, so a recreated app (new principal)
     * gets new assignments instead of RoleAssignmentUpdateNotPermitted. The principal id is known
     * only once the site exists, so the assignments are a nested deployment that takes it as a parameter.
     */
    @Test
    void roleAssignmentNamesContainThePrincipalId() throws Exception {
        for (String example : Examples.names()) {
            JsonNode t = template(Examples.generate(example));
            List<JsonNode> deployments = ofType(t, RoleAssignments.DEPLOYMENTS);
            assertThat(deployments).as(example).hasSize(1);
            JsonNode d = deployments.get(0);
            assertThat(d.at("/properties/expressionEvaluationOptions/scope").asString())
                    .isEqualTo("inner");
            assertThat(d.at("/properties/parameters/principalId/value").asString())
                    .isEqualTo(
                            "[reference(resourceId('Microsoft.Web/sites', variables('functionAppName')), '2024-11-01', 'full').identity.principalId]");
            assertThat(d.path("dependsOn").toString())
                    .contains("resourceId('Microsoft.Web/sites', variables('functionAppName'))");
            List<JsonNode> assignments = new ArrayList<>(ofType(t, "Microsoft.Authorization/roleAssignments"));
            assignments.addAll(ofType(t, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"));
            assertThat(assignments).as(example).isNotEmpty();
            for (JsonNode a : assignments) {
                assertThat(a.path("name").asString())
                        .as(example)
                        .contains("guid(")
                        .contains("parameters('principalId')");
            }
            for (JsonNode r : t.path("resources")) {
                assertThat(r.path("type").asString())
                        .as(example + ": no assignment outside the nested deployment")
                        .isNotIn(
                                "Microsoft.Authorization/roleAssignments",
                                "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
            }
        }
    }

    /**
     * Fix 3: Cosmos DB SQL role assignments of one account run one after another (parallel ones
     * fail with 412), and the change feed trigger can read the database's metadata.
     */
    @Test
    void cosmosAssignmentsAreSerialAndTheChangeFeedReadsDatabaseMetadata() throws Exception {
        JsonNode t = template(Examples.generate("users-crud"));
        List<JsonNode> cosmos = ofType(t, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
        assertThat(cosmos).hasSizeGreaterThan(2);
        for (int i = 1; i < cosmos.size(); i++) {
            String previousName = cosmos.get(i - 1).path("name").asString();
            String previousGuid = previousName.substring(previousName.indexOf("guid("), previousName.length() - 2);
            assertThat(cosmos.get(i).path("dependsOn").toString())
                    .as("assignment %d waits for %d", i, i - 1)
                    .contains(previousGuid);
        }
        JsonNode definition = ofType(t, "Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions")
                .get(0);
        assertThat(definition.at("/properties/permissions/0/dataActions").toString())
                .isEqualTo("[\"Microsoft.DocumentDB/databaseAccounts/readMetadata\"]");
        assertThat(cosmos)
                .anyMatch(
                        a -> a.at("/properties/roleDefinitionId").asString().contains("cosmosMetadataReaderRole")
                                && a.at("/properties/scope")
                                        .asString()
                                        .equals(
                                                "[format('{0}/dbs/{1}', resourceId('Microsoft.DocumentDB/databaseAccounts', variables('cosmosName')), 'users-crud')]"));
        assertThat(ofType(t, RoleAssignments.DEPLOYMENTS)
                        .get(0)
                        .path("dependsOn")
                        .toString())
                .contains("sqlRoleDefinitions");
    }

    /** The nested deployment check is live: a typo inside its inner template fails at its place. */
    @Test
    void aBrokenNestedDeploymentFailsInsideItsTemplate() throws Exception {
        ObjectNode t = (ObjectNode) template(Examples.generate("orders"));
        int at = OracleTest.indexOf(t, RoleAssignments.DEPLOYMENTS);
        ObjectNode first = (ObjectNode) t.get("resources").get(at).at("/properties/template/resources/0");
        ((ObjectNode) first.get("properties")).put("principalTyp", "ServicePrincipal");
        ((ObjectNode) t.get("resources").get(at).get("properties")).put("mod", "Incremental");
        assertThat(AzureSchemas.strict().template(t))
                .extracting(AzureSchemas.Problem::toString)
                .anyMatch(p -> p.startsWith(
                        "/resources/" + at + "/properties/template/resources/0/properties [additionalProperties]"))
                .anyMatch(p -> p.startsWith("/resources/" + at + "/properties [additionalProperties] mod"));
    }

    /**
     * Fix 4: handlers that use an SDK find their accounts in app settings, and ${ref:X.url} is a
     * URL the SDK takes; the examples' store modules read exactly the settings the template sets.
     */
    @Test
    void handlersFindTheirResourcesInAppSettings() throws Exception {
        JsonNode sb = template(Examples.generate("orders"));
        String namespace =
                "replace(replace(reference(resourceId('Microsoft.ServiceBus/namespaces', variables('serviceBusName')), '2026-01-01').serviceBusEndpoint, 'https://', ''), ':443/', '')";
        assertThat(setting(sb, "STRATO_SERVICEBUS_NAMESPACE")).isEqualTo("[" + namespace + "]");
        assertThat(setting(sb, "STRATO_COSMOS_DATABASE")).isEqualTo("orders");
        assertThat(setting(sb, "STRATO_COSMOS_ENDPOINT"))
                .isEqualTo(
                        "[reference(resourceId('Microsoft.DocumentDB/databaseAccounts', variables('cosmosName')), '2026-03-15').documentEndpoint]");
        assertThat(setting(sb, "ORDER_JOBS_QUEUE"))
                .isEqualTo("[concat('https://', " + namespace + ", '/', 'order-jobs')]");
        assertThat(setting(sb, "PAYMENT_REQUESTS_TOPIC"))
                .as("${ref:X.id}")
                .startsWith("[resourceId('Microsoft.ServiceBus/namespaces/topics', ");
        assertThat(setting(sb, "ORDERS_TABLE")).isEqualTo("orders");
        JsonNode storage = template(
                generate(Examples.with(Examples.load("orders"), AzurePlan.FLEX, AzureQueues.STORAGE), "orders"));
        assertThat(setting(storage, "ORDER_JOBS_QUEUE"))
                .isEqualTo(
                        "[concat(reference(resourceId('Microsoft.Storage/storageAccounts', variables('dataStorageName')), '2026-04-01').primaryEndpoints.queue, 'order-jobs')]");
        assertThat(setting(storage, "STRATO_STORAGE_QUEUE_ENDPOINT")).contains("primaryEndpoints.queue");
        assertThat(setting(storage, "STRATO_SERVICEBUS_NAMESPACE"))
                .as("the topic is still Service Bus")
                .isNotNull();
        JsonNode table = template(project(
                "flex",
                null,
                "  f: { handler: src/h.handler, events: [ http: GET /f ], environment: { T: \"${ref:items.name}\" } }\n",
                "  items: { type: table, key: { partition: id } }\n"));
        assertThat(setting(table, "T")).isEqualTo("items");
        assertThat(setting(table, "STRATO_COSMOS_DATABASE")).isEqualTo("demo");
        assertThat(setting(table, "STRATO_COSMOS_ENDPOINT"))
                .as("a reference alone is enough")
                .isNotNull();
        assertThat(setting(template(Examples.generate("thumbnails")), "STRATO_STORAGE_BLOB_ENDPOINT"))
                .contains("primaryEndpoints.blob");

        java.util.regex.Pattern read =
                java.util.regex.Pattern.compile("(?:process\\.env\\.|os\\.environ\\[\")(STRATO_[A-Z_]+)");
        for (String example : List.of("orders", "users-crud", "thumbnails")) {
            JsonNode t = template(Examples.generate(example));
            String code = Files.readString(
                    Examples.DIR.resolve(example).resolve(example.equals("orders") ? "src/store.js" : "src/store.py"));
            java.util.regex.Matcher m = read.matcher(code);
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(setting(t, m.group(1)))
                        .as(example + " reads " + m.group(1))
                        .isNotNull();
            }
            assertThat(found).as(example).isPositive();
        }
    }

    /**
     * Fix 5: Consumption and Premium run the package from its URL with no remote build, so a
     * declared dependency that the package lacks is refused, at validate and at generate, with the
     * reason; Flex says so in output remoteBuild for deploy to build remotely.
     */
    @Test
    void dependenciesMustBeVendoredWhereNoRemoteBuildRuns() throws Exception {
        for (AzurePlan plan : List.of(AzurePlan.CONSUMPTION, AzurePlan.PREMIUM)) {
            for (String example : List.of("orders", "users-crud")) {
                dev.strato.model.service.Service s =
                        Examples.with(Examples.load(example), plan, AzureQueues.SERVICEBUS);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> generate(s, example))
                        .as(example + " " + plan)
                        .hasMessageContaining(
                                "the " + plan.id() + " plan runs the app package as it is, with no remote build")
                        .hasMessageContaining(
                                example.equals("orders")
                                        ? "package.json declares @aws-sdk/client-dynamodb"
                                        : "requirements.txt declares boto3");
                assertThat(template(Examples.generate(example, plan, AzureQueues.SERVICEBUS))
                                .at("/outputs/remoteBuild/value")
                                .asBoolean())
                        .as("vendored")
                        .isFalse();
            }
        }
        assertThat(template(Examples.generate("orders"))
                        .at("/outputs/remoteBuild/value")
                        .asBoolean())
                .as("flex, nothing vendored")
                .isTrue();
        assertThat(template(Examples.generate("hello-http"))
                        .at("/outputs/remoteBuild/value")
                        .asBoolean())
                .as("no dependencies")
                .isFalse();

        Path p = project("consumption", null, "  f: { handler: src/h.handler, events: [ http: GET /f ] }\n", "");
        Files.writeString(p.getParent().resolve("package.json"), "{\"dependencies\": {\"left-pad\": \"1.3.0\"}}");
        var diagnostics = Examples.loadResult(p).diagnostics().sorted().stream()
                .map(Object::toString)
                .toList();
        assertThat(diagnostics)
                .anyMatch(d -> d.contains("providers.azure.plan") && d.contains("package.json declares left-pad"));
        Files.createDirectories(p.getParent().resolve("node_modules/left-pad"));
        Files.writeString(p.getParent().resolve("node_modules/left-pad/package.json"), "{}");
        assertThat(Examples.loadResult(p).diagnostics().sorted().stream().map(Object::toString))
                .noneMatch(d -> d.contains("declares"));
        assertThat(template(p).at("/outputs/remoteBuild/value").asBoolean()).isFalse();

        var pyyaml = new dev.strato.model.support.Dependencies.Declared(
                "requirements.txt", "PyYAML", dev.strato.model.support.Dependencies.PYTHON_PACKAGES + "pyyaml-");
        assertThat(dev.strato.model.support.Dependencies.missing(
                        List.of(pyyaml),
                        dev.strato.model.support.Dependencies.in(
                                List.of(".python_packages/lib/site-packages/PyYAML-6.0.1.dist-info/METADATA"))))
                .as("pip's folder names")
                .isEmpty();
        assertThat(dev.strato.model.support.Dependencies.missing(
                        List.of(pyyaml),
                        dev.strato.model.support.Dependencies.in(
                                List.of(".python_packages/lib/site-packages/yaml/__init__.py"))))
                .as("no dist-info")
                .hasSize(1);
    }

    /** The parameters and outputs that the deploy client (providers/azure) relies on, as docs/AZURE.md lists them. */
    @Test
    void theTemplateKeepsItsDocumentedParametersAndOutputs() throws Exception {
        JsonNode orders = template(Examples.generate("orders"));
        assertThat(orders.path("parameters").propertyNames())
                .containsExactly("location", "nameSuffix", "packageContainer", "keyVaultName");
        assertThat(orders.path("outputs").propertyNames())
                .containsExactlyInAnyOrder(
                        "functionAppName",
                        "functionAppUrl",
                        "storageAccountName",
                        "packageContainer",
                        "keyVaultName",
                        "nameSuffix",
                        "cosmosAccountName",
                        "serviceBusNamespaceName",
                        "httpUrls",
                        "resources",
                        "remoteBuild");
        JsonNode thumbnails = template(Examples.generate("thumbnails"));
        assertThat(thumbnails.path("parameters").propertyNames()).contains("eventSubscriptions");
        assertThat(thumbnails.path("outputs").propertyNames()).contains("dataStorageAccountName");
        assertThat(ofType(orders, RoleAssignments.DEPLOYMENTS)
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("[concat(variables('functionAppName'), '-roles')]");
    }

    // --- helpers

    static OutputTree generate(dev.strato.model.service.Service s, String example) throws GenerationException {
        return Examples.generate(s, Examples.DIR.resolve(example));
    }

    Path project(String plan, String queues, String functions, String resources) throws IOException {
        Path p = Files.createTempDirectory(dir, "p");
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("src/h.js"), "exports.handler = async () => ({});\n");
        Files.writeString(
                p.resolve("strato.yml"),
                "service: demo\nruntime: nodejs22\nproviders: { azure: { location: westeurope, plan: " + plan
                        + (queues == null ? "" : ", queues: " + queues) + " } }\nfunctions:\n" + functions
                        + (resources.isEmpty() ? "" : "resources:\n" + resources));
        return p.resolve("strato.yml");
    }

    static OutputTree generate(Path strato) throws GenerationException {
        return Examples.generate(Examples.load(strato), strato.getParent());
    }

    static JsonNode template(OutputTree out) {
        return JSON.readTree(out.files().get(AzureGenerator.TEMPLATE));
    }

    static JsonNode template(Path strato) throws GenerationException {
        return template(generate(strato));
    }

    /** Every resource of the template, nested ones and those of nested deployments included. */
    static List<JsonNode> resources(JsonNode template) {
        List<JsonNode> all = new ArrayList<>();
        collect(template.path("resources"), all);
        return all;
    }

    private static void collect(JsonNode resources, List<JsonNode> all) {
        for (JsonNode r : resources) {
            all.add(r);
            collect(r.path("resources"), all);
            collect(r.at("/properties/template/resources"), all);
        }
    }

    static List<JsonNode> ofType(JsonNode template, String type) {
        return resources(template).stream()
                .filter(r -> r.path("type").asString().equals(type))
                .toList();
    }

    static JsonNode site(JsonNode template) {
        return ofType(template, AzureApp.SITES).get(0);
    }

    static String setting(JsonNode template, String name) {
        for (JsonNode s : site(template).at("/properties/siteConfig/appSettings")) {
            if (s.path("name").asString().equals(name)) return s.path("value").asString();
        }
        return null;
    }
}
