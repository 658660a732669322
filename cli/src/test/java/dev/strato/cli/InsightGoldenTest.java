package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The output of check, graph and cost for every example, against golden files under {@code golden/insight/<example>/}. */
class InsightGoldenTest {

    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static Stream<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs
                    .filter(d -> Files.isRegularFile(d.resolve("strato.yml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** Every example with every output the commands have: {@code golden name, command line}. */
    static Stream<Arguments> outputs() throws IOException {
        return examples()
                .flatMap(e -> Stream.of(
                        Arguments.of(e, "check.txt", "check"),
                        Arguments.of(e, "check.json", "check --output json"),
                        Arguments.of(e, "check.sarif", "check --output sarif"),
                        Arguments.of(e, "graph.mmd", "graph"),
                        Arguments.of(e, "graph.dot", "graph --format dot"),
                        Arguments.of(e, "graph-aws.mmd", "graph --provider aws"),
                        Arguments.of(e, "graph-azure.mmd", "graph --provider azure"),
                        Arguments.of(e, "graph-gcp.dot", "graph --provider gcp --format dot"),
                        Arguments.of(e, "cost.txt", "cost --provider all"),
                        Arguments.of(e, "cost.json", "cost --provider all --output json"),
                        Arguments.of(e, "cost-sweep.txt", "cost --provider aws --memory-sweep")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("outputs")
    void outputIsAsWritten(String example, String golden, String command) throws Exception {
        CliRunner.Result r = new CliRunner(EXAMPLES.resolve(example)).run(command.split(" "));
        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCodes.OK, ExitCodes.FAILURE);
        assertThat(r.err()).as(r.toString()).doesNotContain("error:");
        Golden.check("insight/" + example + "/" + golden, r.out().replace(VersionProvider.version(), "VERSION"));
    }

    static final Path README = Path.of("../README.md").toAbsolutePath().normalize();

    /** The README embeds the orders graph; -Dstrato.golden.update=true rewrites the block, so it never drifts. */
    @org.junit.jupiter.api.Test
    void readmeEmbedsTheOrdersGraph() throws Exception {
        CliRunner.Result r = new CliRunner(EXAMPLES.resolve("orders")).run("graph");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        readmeBlock("strato graph: examples/orders", "end of strato graph", "```mermaid\n" + r.out() + "```\n");
    }

    /** The README shows the orders example's cost table (the lines before the usage and assumptions). */
    @org.junit.jupiter.api.Test
    void readmeShowsTheOrdersCostTable() throws Exception {
        CliRunner.Result r = new CliRunner(EXAMPLES.resolve("orders")).run("cost", "--provider", "all");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String table = r.out().substring(0, r.out().indexOf("\n\nusage:") + 1);
        readmeBlock(
                "strato cost: examples/orders",
                "end of strato cost",
                "```\n$ strato cost --provider all\n" + table + "```\n");
    }

    /** The README's examples of the other outputs, from the smallest example. */
    @org.junit.jupiter.api.Test
    void readmeShowsEachOutput() throws Exception {
        CliRunner runner = new CliRunner(EXAMPLES.resolve("hello-http"));
        readmeBlock(
                "strato check --output json: examples/hello-http",
                "end of strato check --output json",
                "```json\n" + runner.run("check", "--output", "json").out() + "```\n");
        readmeBlock(
                "strato graph --format dot: examples/hello-http",
                "end of strato graph --format dot",
                "```dot\n" + runner.run("graph", "--format", "dot").out() + "```\n");
        readmeBlock(
                "strato cost --output json: examples/hello-http",
                "end of strato cost --output json",
                "```json\n"
                        + runner.run("cost", "--provider", "aws", "--output", "json")
                                .out() + "```\n");
    }

    /** The README's rule table is the catalog's. */
    @org.junit.jupiter.api.Test
    void readmeListsEveryRule() throws Exception {
        StringBuilder table = new StringBuilder("| rule | level | providers | what |\n| --- | --- | --- | --- |\n");
        for (dev.strato.insight.check.Rule rule : dev.strato.insight.check.Rules.all()) {
            String providers = rule.providers().isEmpty()
                    ? "all"
                    : String.join(
                            ", ", rule.providers().stream().map(p -> p.id()).toList());
            String what = rule.source() == null ? rule.title() : "[" + rule.title() + "](" + rule.source() + ")";
            table.append("| `")
                    .append(rule.id())
                    .append("` | ")
                    .append(rule.level().label())
                    .append(" | ")
                    .append(providers)
                    .append(" | ")
                    .append(what)
                    .append(" |\n");
        }
        readmeBlock("strato check rules", "end of strato check rules", table.toString());
        assertThat(Files.readString(README))
                .contains("(" + dev.strato.insight.check.Rules.all().size() + " rules, for aws, azure, gcp)");
    }

    /** Checks (or, updating golden files, rewrites) what stands between two README comments. */
    static void readmeBlock(String begin, String end, String content) throws IOException {
        String open = "<!-- " + begin + " (InsightGoldenTest rewrites this block) -->";
        String close = "<!-- " + end + " -->";
        String readme = Files.readString(README);
        int from = readme.indexOf(open);
        int to = readme.indexOf(close);
        assertThat(from).as("README has the block that starts with %s", open).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String block = open + "\n" + content + close;
        if (Golden.updating()) {
            Files.writeString(README, readme.substring(0, from) + block + readme.substring(to + close.length()));
            return;
        }
        assertThat(readme.substring(from, to + close.length()))
                .as("README block %s is stale: rerun with -Dstrato.golden.update=true", begin)
                .isEqualTo(block);
    }

    @org.junit.jupiter.api.Test
    void svgWithoutGraphvizSaysHowToGetIt() throws Exception {
        CliRunner.Result r = new CliRunner(EXAMPLES.resolve("orders"))
                .env("PATH", "/nonexistent")
                .run("graph", "--format", "svg");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("--format svg needs Graphviz's 'dot' on PATH")
                .contains("--format dot");
    }

    @org.junit.jupiter.api.Test
    void svgThroughGraphviz() throws Exception {
        String path = System.getenv("PATH");
        boolean found = path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, "dot")));
        if (!found && "true".equals(System.getenv("CI")))
            throw new AssertionError("CI must have Graphviz's dot (.ci/run installs it)");
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "Graphviz's dot is not on PATH: skipping the SVG test");
        CliRunner.Result r =
                new CliRunner(EXAMPLES.resolve("orders")).env("PATH", path).run("graph", "--format", "svg");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("<svg").contains("createOrder").contains("</svg>");
    }

    @org.junit.jupiter.api.Test
    void graphForSeveralProvidersOrABadFormatIsAUsageError() {
        CliRunner runner = new CliRunner(EXAMPLES.resolve("orders"));
        CliRunner.Result all = runner.run("graph", "--provider", "all");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(all.err()).contains("graph labels nodes for one provider");
        CliRunner.Result format = runner.run("graph", "--format", "png");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("--format").contains("png");
        assertThat(runner.run("graph", "--provider", "azur").err()).contains("did you mean 'azure'");
    }
}
