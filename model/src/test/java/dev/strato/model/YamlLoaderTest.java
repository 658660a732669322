package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.diag.Diagnostic;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YScalar;
import dev.strato.model.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private Optional<YNode> load(String text) {
        return YamlLoader.load(text, "f.yml", diagnostics);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void keepsLineAndColumnOfKeysAndValues() {
        YMap map = (YMap) load("a: 1\nb:\n  c: \"x\"\n").orElseThrow();
        assertThat(map.keyPosition("b").line()).isEqualTo(2);
        YMap b = (YMap) map.get("b");
        assertThat(b.keyPosition("c")).hasToString("f.yml:3:3");
        YScalar c = (YScalar) b.get("c");
        assertThat(c.position()).hasToString("f.yml:3:6");
        assertThat(c.positionOf(0)).hasToString("f.yml:3:7");
        assertThat(((YScalar) map.get("a")).value()).isEqualTo(1L);
    }

    @Test
    void resolvesYaml12CoreSchemaTypes() {
        YMap map = (YMap)
                load("t: true\ny: yes\no: on\nn: ~\nf: 1.5\nh: 0x1F\ns: '12'\n").orElseThrow();
        assertThat(((YScalar) map.get("t")).value()).isEqualTo(true);
        assertThat(((YScalar) map.get("y")).value()).isEqualTo("yes");
        assertThat(((YScalar) map.get("o")).value()).isEqualTo("on");
        assertThat(((YScalar) map.get("n")).value()).isNull();
        assertThat(((YScalar) map.get("f")).value()).isEqualTo(1.5);
        assertThat(((YScalar) map.get("h")).value()).isEqualTo(31L);
        assertThat(((YScalar) map.get("s")).value()).isEqualTo("12");
    }

    @Test
    void reportsEveryDuplicateKey() {
        load("a: 1\nb: 2\na: 3\nb: 4\n");
        assertThat(messages())
                .containsExactly(
                        "f.yml:3:1: error: duplicate key 'a' (first defined at line 1)",
                        "f.yml:4:1: error: duplicate key 'b' (first defined at line 2)");
    }

    @Test
    void mergeKeysCopyEntriesThatAreNotSetExplicitly() {
        YMap map =
                (YMap) load("base: &b { x: 1, y: 2 }\nm:\n  <<: *b\n  y: 3\n").orElseThrow();
        YMap m = (YMap) map.get("m");
        assertThat(((YScalar) m.get("x")).value()).isEqualTo(1L);
        assertThat(((YScalar) m.get("y")).value()).isEqualTo(3L);
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ", ").append('*').append(prev);
            y.append("]\n");
            prev = c;
        }
        assertThat(load(y.toString())).isEmpty();
        assertThat(messages())
                .singleElement()
                .asString()
                .contains("too many aliases")
                .contains("alias bomb");
    }

    @Test
    void refusesDeepNesting() {
        assertThat(load("a: " + "[".repeat(200) + "]".repeat(200))).isEmpty();
        assertThat(messages()).singleElement().asString().contains("nesting deeper than 64 levels");
    }

    @Test
    void reportsSyntaxErrorsWithPosition() {
        assertThat(load("a: 1\n b: 2\n")).isEmpty();
        assertThat(messages()).singleElement().asString().startsWith("f.yml:2:").contains("YAML syntax");
    }

    @Test
    void emptyAndCommentOnlyFilesAreErrors() {
        assertThat(load("")).isEmpty();
        assertThat(messages()).containsExactly("f.yml:1:1: error: file is empty");
        Diagnostics other = new Diagnostics();
        assertThat(YamlLoader.load("# nothing\n", "g.yml", other)).isEmpty();
        assertThat(other.sorted())
                .singleElement()
                .extracting(Diagnostic::format)
                .isEqualTo("g.yml:1:1: error: file is empty");
    }

    @Test
    void refusesCloudFormationTags() {
        load("a: !Ref Bucket\n");
        assertThat(messages())
                .singleElement()
                .asString()
                .contains("unsupported YAML tag !Ref")
                .contains("${ref:RESOURCE.ATTR}");
    }

    @Test
    void refusesBinaryInvalidUtf8AndHugeFiles() throws Exception {
        Path bin = Files.write(dir.resolve("bin.yml"), new byte[] {'a', ':', 0, 1});
        Path latin = Files.write(dir.resolve("latin.yml"), "a: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path big = Files.write(dir.resolve("big.yml"), new byte[(int) YamlLoader.MAX_FILE_BYTES + 1]);
        assertThat(YamlLoader.loadFile(bin, "bin.yml", diagnostics)).isEmpty();
        assertThat(YamlLoader.loadFile(latin, "latin.yml", diagnostics)).isEmpty();
        assertThat(YamlLoader.loadFile(big, "big.yml", diagnostics)).isEmpty();
        assertThat(messages())
                .containsExactly(
                        "big.yml:1:1: error: file is 5242881 bytes; the limit is 5242880 bytes (5 MB)",
                        "bin.yml:1:3: error: not a text file: found a NUL byte (offset 2)",
                        "latin.yml:1:7: error: not valid UTF-8 text: byte 0xE9 (offset 6) starts no UTF-8 character; save the file as UTF-8");
    }

    @Test
    void badBytesAreReportedAtTheirLineAndColumnAndUtf16IsNamed() throws Exception {
        Path nul = Files.write(dir.resolve("nul.yml"), "a: 1\nb: \u00e9x\u0000\n".getBytes(StandardCharsets.UTF_8));
        Path bad = Files.write(
                dir.resolve("bad.yml"),
                new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '\n'});
        Path utf16 = Files.write(dir.resolve("utf16.yml"), "a: 1\n".getBytes(StandardCharsets.UTF_16));
        Path utf16le = Files.write(dir.resolve("utf16le.yml"), "a: 1\n".getBytes(StandardCharsets.UTF_16LE));
        for (Path p : java.util.List.of(nul, bad, utf16, utf16le))
            assertThat(YamlLoader.loadFile(p, p.getFileName().toString(), diagnostics))
                    .isEmpty();
        assertThat(messages())
                .containsExactly(
                        "bad.yml:2:5: error: not valid UTF-8 text: byte 0xFF (offset 10) starts no UTF-8 character; save the file as UTF-8",
                        "nul.yml:2:6: error: not a text file: found a NUL byte (offset 11)",
                        "utf16.yml:1:1: error: the file is UTF-16 text; strato.yml must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)",
                        "utf16le.yml:1:1: error: the file is UTF-16 text; strato.yml must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
    }

    @Test
    void refusesMoreThanOneDocument() {
        assertThat(load("a: 1\n---\nb: 2\n")).isEmpty();
        assertThat(messages()).singleElement().asString().contains("single document");
    }
}
