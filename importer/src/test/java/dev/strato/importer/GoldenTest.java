package dev.strato.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture imports into its golden strato.yml and report, and the result validates for aws. */
class GoldenTest {

    static java.util.List<String> cases() {
        return Cases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void importsAsGolden(String name) throws Exception {
        Importer.Result result = Cases.importCase(name);
        Cases.golden(Cases.DIR.resolve(name).resolve("expected/strato.yml"), result.yaml());
        Cases.golden(
                Cases.DIR.resolve(name).resolve("expected/report.txt"),
                result.report().text());
        Cases.validate(Cases.WORK.resolve(name).resolve("strato.yml"), result);
        assertThat(result.report().text()).contains("adapter: native").contains("docs/HANDLERS.md");
    }
}
