package dev.strato.generator.aws;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs cfn-lint once over many templates (its start-up costs 2-3 s a process) and returns its findings. */
final class CfnLint {

    record Finding(Path file, String level, String rule, String message, String path) {
        @Override
        public String toString() {
            return level + " " + rule + " " + file.getFileName() + " " + path + ": " + message;
        }
    }

    private CfnLint() {}

    static List<Finding> lint(Path baseDir, List<Path> templates) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Tools.require("cfn-lint").toString(), "--format", "json", "--"));
        templates.forEach(t -> command.add(baseDir.relativize(t).toString()));
        Process p = new ProcessBuilder(command)
                .directory(baseDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String json = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES)) throw new IllegalStateException("cfn-lint did not finish");
        if (json.isBlank()) throw new IllegalStateException("cfn-lint printed nothing, exit " + p.exitValue());
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : JsonMapper.builder().build().readTree(json)) {
            findings.add(new Finding(
                    baseDir.resolve(f.get("Filename").asString()),
                    f.get("Level").asString(),
                    f.get("Rule").get("Id").asString(),
                    f.get("Message").asString(),
                    f.get("Location").get("Path").toString()));
        }
        return findings;
    }
}
