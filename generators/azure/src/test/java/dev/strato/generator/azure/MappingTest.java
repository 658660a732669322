package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.model.LoadResult;
import dev.strato.model.diag.Diagnostic;
import dev.strato.model.service.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How single model features map to Azure, and the models Azure cannot run. */
class MappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void unixCronGetsASecondsFieldAndDaysOfTheWeekZeroToSix() throws GenerationException {
        assertThat(Ncrontab.cron("0 2 * * *")).isEqualTo("0 0 2 * * *");
        assertThat(Ncrontab.cron("*/15 * * * *")).isEqualTo("0 */15 * * * *");
        assertThat(Ncrontab.cron("30 6 * * 1-5")).isEqualTo("0 30 6 * * 1,2,3,4,5");
        assertThat(Ncrontab.cron("0 9 * * 5-7")).isEqualTo("0 0 9 * * 0,5,6");
        assertThat(Ncrontab.cron("5 4 * * sun")).isEqualTo("0 5 4 * * 0");
        assertThat(Ncrontab.cron("0 12 * * 0,6")).isEqualTo("0 0 12 * * 0,6");
        assertThat(Ncrontab.cron("0 0 1 * *")).isEqualTo("0 0 0 1 * *");
        assertThatThrownBy(() -> Ncrontab.cron("0 0 1 * 1")).hasMessageContaining("both day of month and day of week");
    }

    @Test
    void ratesBecomeStepsOfTheUnitTheyDivide() throws GenerationException {
        assertThat(Ncrontab.rate(Duration.ofSeconds(30))).isEqualTo("*/30 * * * * *");
        assertThat(Ncrontab.rate(Duration.ofMinutes(1))).isEqualTo("0 * * * * *");
        assertThat(Ncrontab.rate(Duration.ofMinutes(5))).isEqualTo("0 */5 * * * *");
        assertThat(Ncrontab.rate(Duration.ofHours(1))).isEqualTo("0 0 * * * *");
        assertThat(Ncrontab.rate(Duration.ofHours(6))).isEqualTo("0 0 */6 * * *");
        assertThat(Ncrontab.rate(Duration.ofDays(1))).isEqualTo("0 0 0 * * *");
        assertThatThrownBy(() -> Ncrontab.rate(Duration.ofMinutes(90)))
                .hasMessageContaining("rate 90m has no NCRONTAB form");
        assertThatThrownBy(() -> Ncrontab.rate(Duration.ofDays(2))).hasMessageContaining("rate 2d");
    }

    @Test
    void routesAndTopicFilters() {
        assertThat(Bindings.route("/orders/{id}")).isEqualTo("orders/{id}");
        assertThat(Bindings.route("/files/{path+}")).isEqualTo("files/{*path}");
        assertThat(Bindings.route("/")).isEqualTo("{root:maxlength(0)?}");
        assertThat(SqlFilter.of(Map.of("type", List.of("order", "it's")))).isEqualTo("user.type IN ('order', 'it''s')");
        assertThat(SqlFilter.of(Map.of("my-key", List.of("a")))).isEqualTo("user.[my-key] IN ('a')");
    }

    @Test
    void globalNamesAreLegalDeterministicAndDifferPerStage() throws IOException {
        String service = "a-very-long-service-name-ab-cd";
        AzureNames dev = new AzureNames(load(service, "dev", ""));
        AzureNames prod = new AzureNames(load(service, "prod--eu", ""));
        String suffix = "abcdefghij123";
        assertThat(suffix).hasSize(AzureNames.SUFFIX_LENGTH);
        for (AzureNames n : List.of(dev, prod)) {
            Map<String, String> names = new java.util.HashMap<>();
            n.readableParts().forEach((k, v) -> names.put(k, v + suffix));
            assertThat(names.get("hostStorageName")).matches("[a-z0-9]{3,24}").startsWith("st");
            assertThat(names.get("dataStorageName")).matches("[a-z0-9]{3,24}").startsWith("sd");
            assertThat(names.get("keyVaultName"))
                    .hasSizeLessThanOrEqualTo(24)
                    .matches("[a-z][a-z0-9-]+[a-z0-9]")
                    .doesNotContain("--");
            assertThat(names.get("functionAppName")).hasSizeLessThanOrEqualTo(60);
            assertThat(names.get("serviceBusName")).hasSizeLessThanOrEqualTo(50).matches("[a-z][a-z0-9-]+[a-z0-9]");
            assertThat(names.get("cosmosName")).hasSizeLessThanOrEqualTo(44);
        }
        assertThat(dev.readableParts().get("hostStorageName"))
                .isEqualTo(
                        new AzureNames(load(service, "dev", "")).readableParts().get("hostStorageName"));
        assertThat(dev.storageEntity("ab")).hasSize(6).matches("ab-[0-9a-f]{3}");
        assertThat(dev.storageEntity("x".repeat(64) + "Y")).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void memoryChoosesTheInstanceSizeThatHoldsTheLargestFunction() throws Exception {
        JsonNode flex = template(project("flex", "nodejs22", "    memory: 1024\n"));
        assertThat(site(flex)
                        .at("/properties/functionAppConfig/scaleAndConcurrency/instanceMemoryMB")
                        .asInt())
                .isEqualTo(2048);
        JsonNode premium = template(project("premium", "nodejs22", "    memory: 5000\n"));
        assertThat(resource(premium, FunctionApp.SERVERFARMS).at("/sku/name").asString())
                .isEqualTo("EP2");
        JsonNode consumption = template(project("consumption", "python3.12", ""));
        assertThat(resource(consumption, FunctionApp.SERVERFARMS)
                        .at("/sku/name")
                        .asString())
                .isEqualTo("Y1");
        assertThat(site(consumption).at("/properties/siteConfig/linuxFxVersion").asString())
                .isEqualTo("Python|3.12");
        assertThat(setting(consumption, "WEBSITE_RUN_FROM_PACKAGE"))
                .contains("parameters('packageContainer'), '/app.zip')");
        assertThat(setting(consumption, "FUNCTIONS_WORKER_RUNTIME")).isEqualTo("python");
    }

    @Test
    void aTimeZoneBecomesWebsiteTimeZoneOnPremiumOnly() throws Exception {
        String tz = "    events:\n      - schedule: { cron: \"0 2 * * *\", timezone: Europe/Berlin }\n";
        assertThat(setting(template(project("premium", "nodejs22", tz)), "WEBSITE_TIME_ZONE"))
                .isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> generate(project("flex", "nodejs22", tz)))
                .as("refused at validation")
                .hasMessageContaining("azure timers run in UTC on the flex plan");
        String two = tz + "      - schedule: { cron: \"0 3 * * *\", timezone: America/New_York }\n";
        assertThatThrownBy(() -> generate(project("premium", "nodejs22", two)))
                .as("refused at validation")
                .hasMessageContaining("an azure function app has one time zone for all timers");
    }

    @Test
    void secretsAreKeyVaultReferencesAndNeverInsideText() throws Exception {
        JsonNode t = template(project("flex", "nodejs22", "    environment: { KEY: \"${secret:api-key}\" }\n"));
        assertThat(setting(t, "KEY"))
                .startsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)'")
                .contains("'api-key'");
        assertThat(t.toString()).doesNotContain("securestring");
        assertThatThrownBy(() -> generate(
                        project("flex", "nodejs22", "    environment: { URL: \"https://x?k=${secret:api-key}\" }\n")))
                .as("refused at validation")
                .hasMessageContaining("a secret inside other text is not possible on azure");
    }

    @Test
    void whatOneAppCannotHold() throws IOException {
        Path mixed = write("service: mixed\nproviders: { azure: { location: westeurope } }\nfunctions:\n"
                + "  a: { handler: src/h.handler, runtime: nodejs22, events: [ http: GET /a ] }\n"
                + "  b: { handler: src/h.handler, runtime: python3.12, events: [ http: GET /b ] }\n");
        assertThatThrownBy(() -> generate(mixed))
                .as("refused at validation")
                .hasMessageContaining("an azure function app runs one runtime");
        Path env = write("service: env\nproviders: { azure: { location: westeurope } }\nfunctions:\n"
                + "  a: { handler: src/h.handler, events: [ http: GET /a ], environment: { MODE: one } }\n"
                + "  b: { handler: src/h.handler, events: [ http: GET /b ], environment: { MODE: two } }\n");
        assertThatThrownBy(() -> generate(env))
                .as("refused at validation")
                .hasMessageContaining("environment MODE differs from function a's");
        assertThatThrownBy(() -> generate(project("consumption", "python3.13", "")))
                .as("refused at validation")
                .hasMessageContaining("is not offered on the azure consumption plan");
        assertThatThrownBy(() -> generate(project("flex", "java21", "")))
                .hasMessageContaining("run from the package's jar");
        Path jwt = write("service: jwt\nproviders: { azure: { location: westeurope } }\nfunctions:\n"
                + "  a: { handler: src/h.handler, events: [ { http: { method: GET, path: /a, auth: { type: jwt, issuer: \"https://i.example.com\", audience: [x] } } } ] }\n"
                + "  b: { handler: src/h.handler, events: [ { http: { method: GET, path: \"/b/{id}\" } } ] }\n");
        assertThatThrownBy(() -> generate(jwt)).hasMessageContaining("exempts only literal paths");
    }

    @Test
    void jwtRoutesTurnOnAppServiceAuthenticationWithTheOtherRoutesExcluded() throws Exception {
        Path jwt = write("service: jwt\nproviders: { azure: { location: westeurope } }\nfunctions:\n"
                + "  a: { handler: src/h.handler, events: [ { http: { method: GET, path: \"/a/{id}\", auth: { type: jwt, issuer: \"https://login.microsoftonline.com/t/v2.0\", audience: [api] } } } ] }\n"
                + "  b: { handler: src/h.handler, events: [ { http: { method: GET, path: /health, auth: key } } ] }\n");
        OutputTree out = generate(jwt);
        JsonNode config = site(JSON.readTree(out.files().get(AzureGenerator.TEMPLATE)))
                .path("resources")
                .get(0);
        assertThat(config.path("name").asString()).isEqualTo("authsettingsV2");
        assertThat(config.at("/properties/globalValidation/excludedPaths/0").asString())
                .isEqualTo("/health");
        assertThat(config.at("/properties/identityProviders/azureActiveDirectory/validation/allowedAudiences/0")
                        .asString())
                .isEqualTo("api");
        assertThat(JSON.readTree(out.files().get("app/a/function.json"))
                        .at("/bindings/0/authLevel")
                        .asString())
                .isEqualTo("anonymous");
        assertThat(JSON.readTree(out.files().get("app/b/function.json"))
                        .at("/bindings/0/authLevel")
                        .asString())
                .isEqualTo("function");
        OracleTest.assertValid(out);
    }

    @Test
    void aFunctionWithSeveralEventsBecomesSeveralAzureFunctions() throws Exception {
        Path p = write(
                "service: multi\nproviders: { azure: { location: westeurope } }\nresources: { up: { type: bucket } }\nfunctions:\n"
                        + "  f:\n    handler: src/h.handler\n    events:\n      - http: GET /a\n      - bucket: { bucket: up, on: [created, deleted] }\n"
                        + "  g: { handler: src/h.handler }\n");
        OutputTree out = generate(p);
        assertThat(out.files())
                .containsKeys("app/f/function.json", "app/f-2/function.json", "app/f-3/function.json")
                .doesNotContainKey("app/g/function.json");
        assertThat(out.warnings()).anyMatch(w -> w.contains("function g has no events"));
        assertThat(JSON.readTree(out.files().get("app/f-2/function.json"))
                        .at("/bindings/0/type")
                        .asString())
                .isEqualTo("blobTrigger");
        assertThat(JSON.readTree(out.files().get("app/f-3/function.json"))
                        .at("/bindings/0/type")
                        .asString())
                .isEqualTo("eventGridTrigger");
        OracleTest.assertValid(out);
    }

    @Test
    void goRunsAsACustomHandlerNamedInHostJson() throws Exception {
        OutputTree out = generate(project("flex", "go", ""));
        JsonNode host = JSON.readTree(out.files().get("app/host.json"));
        assertThat(host.at("/customHandler/description/defaultExecutablePath").asString())
                .isEqualTo("bootstrap");
        assertThat(JSON.readTree(out.files().get("app/f/function.json")).has("scriptFile"))
                .isFalse();
        assertThat(site(JSON.readTree(out.files().get(AzureGenerator.TEMPLATE)))
                        .at("/properties/functionAppConfig/runtime/name")
                        .asString())
                .isEqualTo("custom");
        OracleTest.assertValid(out);
    }

    @Test
    void validationRejectsWhatAzureCannotRunWithTheLimit() throws IOException {
        Path p = write(
                "service: bad\nruntime: nodejs24\nproviders: { azure: { location: westeurope, plan: consumption } }\nfunctions:\n"
                        + "  f: { handler: src/h.handler, timeout: 20m, memory: 2048, events: [ http: GET /a ] }\n");
        LoadResult r = Examples.loadResult(p);
        assertThat(r.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format))
                .anyMatch(m -> m.contains("runtime nodejs24 is not available on azure"))
                .anyMatch(m -> m.contains("timeout 20m exceeds azure limit 10m")
                        && m.contains("consumption plan")
                        && m.contains("learn.microsoft.com/en-us/azure/azure-functions/functions-scale"))
                .anyMatch(m -> m.contains("2048 MB exceeds azure limit 1536 MB"));
    }

    @Test
    void httpEventsFromTheModelKeepTheirMethodAndAuth() {
        Event.Http h = new Event.Http(dev.strato.model.service.HttpMethod.ANY, "/x", null, Event.Auth.NONE);
        Map<?, ?> trigger = (Map<?, ?>) Bindings.http(h).get(0);
        assertThat(trigger.containsKey("methods")).isFalse();
        assertThat(trigger.get("authLevel")).isEqualTo("anonymous");
    }

    private Path project(String plan, String runtime, String extra) throws IOException {
        String handler = runtime.startsWith("java")
                ? "com.acme.F::handle"
                : runtime.equals("go") ? "bootstrap" : "src/h.handler";
        String events = extra.contains("events:") ? "" : "    events:\n      - http: GET /f\n";
        return write("service: demo\nruntime: " + runtime + "\nproviders: { azure: { location: westeurope, plan: "
                + plan + " } }\nfunctions:\n" + "  f:\n    handler: " + handler + "\n" + events + extra);
    }

    private Path write(String yaml) throws IOException {
        Path p = Files.createTempDirectory(dir, "p");
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("src/h.js"), "exports.handler = async () => ({});\n");
        Files.writeString(p.resolve("src/h.py"), "def handler(event, ctx):\n    return {}\n");
        Files.writeString(p.resolve("strato.yml"), yaml);
        return p.resolve("strato.yml");
    }

    private dev.strato.model.service.Service load(String service, String stage, String extra) throws IOException {
        return Examples.load(
                write("service: " + service + "\nstage: " + stage + "\nproviders: { azure: { location: westeurope } }\n"
                        + extra + "functions:\n  f: { handler: src/h.handler, events: [ http: GET /f ] }\n"));
    }

    private static OutputTree generate(Path strato) throws GenerationException {
        return Examples.generate(Examples.load(strato), strato.getParent());
    }

    private static JsonNode template(Path strato) throws GenerationException {
        return JSON.readTree(generate(strato).files().get(AzureGenerator.TEMPLATE));
    }

    private static JsonNode site(JsonNode template) {
        return resource(template, AzureApp.SITES);
    }

    private static JsonNode resource(JsonNode template, String type) {
        return template.path("resources").get(OracleTest.indexOf(template, type));
    }

    private static String setting(JsonNode template, String name) {
        for (JsonNode s : site(template).at("/properties/siteConfig/appSettings")) {
            if (s.path("name").asString().equals(name)) return s.path("value").asString();
        }
        throw new AssertionError("no app setting " + name);
    }
}
