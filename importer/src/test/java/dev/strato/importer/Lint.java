package dev.strato.importer;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** cfn-lint over many templates in one process (it takes seconds to start); its findings as parseable lines. */
final class Lint {

    private Lint() {}

    static List<String> findings(List<Path> templates) throws IOException, InterruptedException {
        Path tool = Tools.require("cfn-lint");
        List<String> command = new ArrayList<>(List.of(tool.toString(), "--format", "parseable", "--"));
        templates.forEach(t -> command.add(t.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("cfn-lint did not finish in 10 minutes");
        }
        return output.lines().filter(l -> !l.isBlank()).toList();
    }
}
