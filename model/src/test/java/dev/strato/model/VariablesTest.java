package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.service.Function;
import dev.strato.model.service.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesTest {

    @TempDir
    Path dir;

    private static String service(String functionBody, String extra) {
        return "service: demo\n" + Models.PROVIDERS + extra + "functions:\n  api:\n    handler: src/a.main\n"
                + functionBody;
    }

    private Function api(LoadResult r) {
        assertThat(Models.errors(r)).isEmpty();
        return r.service().orElseThrow().functions().get("api");
    }

    @Test
    void stageEnvOptParamSelfAndPartialInterpolation() {
        String yaml = service("""
                    memory: ${param:memory}
                    environment:
                      A: orders-${stage}-x
                      B: ${env:HOME_DIR}
                      C: ${env:MISSING, fallback value}
                      D: ${env:MISSING, 'a, b'}
                      E: ${opt:region, ${env:REGION}}
                      F: ${self:service}
                      G: ${param:level}
                      H: cost $${literal}
                """, """
                params:
                  default: { level: info, memory: 256 }
                  prod: { level: warn }
                """);
        Function f = api(Models.load(dir, yaml, Map.of("HOME_DIR", "/home/x", "REGION", "eu"), Map.of(), "prod"));
        assertThat(f.memoryMb()).isEqualTo(256);
        assertThat(f.environment())
                .containsExactly(
                        Map.entry("A", new Value.Text("orders-prod-x")),
                        Map.entry("B", new Value.Text("/home/x")),
                        Map.entry("C", new Value.Text("fallback value")),
                        Map.entry("D", new Value.Text("a, b")),
                        Map.entry("E", new Value.Text("eu")),
                        Map.entry("F", new Value.Text("demo")),
                        Map.entry("G", new Value.Text("warn")),
                        Map.entry("H", new Value.Text("cost ${literal}")));
    }

    @Test
    void optionsComeFromParams() {
        Function f = api(Models.load(
                dir,
                service("    environment: { R: \"${opt:region}\" }\n", ""),
                Map.of(),
                Map.of("region", "us"),
                null));
        assertThat(f.environment().get("R")).isEqualTo(new Value.Text("us"));
    }

    @Test
    void nestedVariablesAndWholeValuesKeepTheirType() {
        String yaml = service("""
                    tags: ${self:custom.tags}
                    timeout: ${param:${stage}Timeout}
                """, """
                stage: qa
                params:
                  default: { qaTimeout: 20s }
                custom:
                """).replace("custom:\n", "");
        // 'custom' is not a strato key, so keep referenced values under params instead
        yaml = yaml.replace("${self:custom.tags}", "${self:params.default.tags}")
                .replace("qaTimeout: 20s }", "qaTimeout: 20s, tags: { team: a } }");
        Function f = api(Models.load(dir, yaml));
        assertThat(f.tags()).containsEntry("team", "a");
        assertThat(f.timeout()).hasSeconds(20);
    }

    @Test
    void refAndSecretStaySymbolic() {
        String yaml = service("""
                    environment:
                      T: ${ref:orders.name}
                      K: ${secret:api-key}
                      U: https://${ref:site.url}/x
                """, """
                resources:
                  orders: { type: table, key: { partition: id } }
                  site: { type: bucket }
                """);
        Function f = api(Models.load(dir, yaml));
        assertThat(f.environment().get("T")).isEqualTo(new Value.Ref("orders", "name"));
        assertThat(f.environment().get("K")).isEqualTo(new Value.Secret("api-key"));
        assertThat(f.environment().get("U"))
                .isEqualTo(new Value.Concat(java.util.List.of(
                        new Value.Text("https://"), new Value.Ref("site", "url"), new Value.Text("/x"))));
    }

    @Test
    void eachErrorAtItsOwnColumn() {
        String yaml = service("    environment:\n      A: \"x-${env:NOPE}-${opt:nope}\"\n", "");
        LoadResult r = Models.load(dir, yaml);
        int line = (int) yaml.lines().takeWhile(l -> !l.contains("NOPE")).count() + 1;
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:" + line
                                + ":13: error: functions.api.environment.A: environment variable NOPE is not set and has no fallback",
                        "strato.yml:" + line
                                + ":25: error: functions.api.environment.A: no --param nope=VALUE was given and there is no fallback");
    }

    @Test
    void cyclesAreReportedWithTheirChain() {
        String yaml = service(
                "    description: ${self:functions.api.environment.A}\n    environment:\n      A: ${self:functions.api.description}\n",
                "");
        LoadResult r = Models.load(dir, yaml);
        assertThat(Models.errors(r))
                .anySatisfy(
                        l -> assertThat(l)
                                .contains(
                                        "variable cycle: ${self:functions.api.environment.A} -> ${self:functions.api.description} -> ${self:functions.api.environment.A}"));
    }

    @Test
    void unknownSourceGetsASuggestion() {
        LoadResult r = Models.load(dir, service("    environment: { A: \"${evn:X}\" }\n", ""));
        assertThat(Models.errors(r))
                .singleElement()
                .asString()
                .contains("unknown variable source 'evn' (did you mean 'env'?)");
    }

    @Test
    void filesInsideTheProjectOnly() throws Exception {
        Files.writeString(dir.resolve("values.yml"), "db:\n  name: main\n");
        Files.writeString(dir.resolve("values.json"), "{\"size\": 768}");
        Path outside = Files.createTempFile("outside", ".yml");
        Files.writeString(outside, "secret: x\n");
        Path project = Files.createDirectories(dir.resolve("p"));
        Files.copy(dir.resolve("values.yml"), project.resolve("values.yml"));
        Files.copy(dir.resolve("values.json"), project.resolve("values.json"));
        String ok = service(
                "    memory: ${file(./values.json):size}\n    environment: { D: \"${file(./values.yml):db.name}\" }\n",
                "");
        Function f = api(Models.load(project, ok));
        assertThat(f.memoryMb()).isEqualTo(768);
        assertThat(f.environment().get("D")).isEqualTo(new Value.Text("main"));
        Files.createSymbolicLink(project.resolve("link.yml"), outside);

        String bad = service(
                "    environment:\n      A: ${file(../values.yml):db.name}\n      B: ${file(./link.yml):secret}\n", "");
        LoadResult r = Models.load(project, bad);
        assertThat(Models.errors(r))
                .filteredOn(l -> l.contains("is outside the project folder"))
                .hasSize(2);
        // the link would also enter the package
        assertThat(Models.errors(r))
                .filteredOn(l -> l.contains("symbolic link link.yml -> " + outside))
                .hasSize(1);
        assertThat(Models.errors(r)).hasSize(3);
        Files.delete(outside);
    }
}
