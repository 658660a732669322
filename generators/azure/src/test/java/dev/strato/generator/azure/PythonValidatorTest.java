package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.Tools;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent oracle: the schemas' own Python validator (check_examples.py, jsonschema
 * with a referencing registry, strict mode) agrees that every example on every plan and a few
 * random models are valid, and rejects a broken template. One process for all files; skipped
 * without python3 and jsonschema, a failure under CI=true.
 */
class PythonValidatorTest {

    static final Path SCRIPT =
            Path.of("src/test/resources/azure/check_examples.py").toAbsolutePath();
    static final int RANDOM_MODELS = 3;

    @TempDir
    Path dir;

    @Test
    void checkExamplesAgrees() throws Exception {
        Path python = Tools.requirePythonModule("jsonschema");
        List<Path> files = new ArrayList<>();
        for (String example : Examples.names()) {
            for (AzurePlan plan : AzurePlan.values()) {
                files.addAll(write(
                        Examples.generate(example, plan, AzureQueues.SERVICEBUS), dir.resolve(example + "-" + plan)));
            }
        }
        for (long seed = 1; seed <= RANDOM_MODELS; seed++) {
            Path project = dir.resolve("projects/" + seed);
            Service s = Examples.load(RandomModels.write(seed, 10 * (int) seed, project));
            files.addAll(write(Examples.generate(s, project), dir.resolve("random-" + seed)));
        }
        Path broken = dir.resolve("broken/azuredeploy.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(
                broken, Files.readString(files.get(0)).replace("\"httpsOnly\": true", "\"httpsOnly\": \"true\""));
        List<String> command = new ArrayList<>(List.of(python.toString(), SCRIPT.toString()));
        files.forEach(f -> command.add(f.toString()));
        command.add(broken.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        List<String> failed = output.lines().filter(l -> l.startsWith("FAIL")).toList();
        assertThat(failed).as(output).hasSize(1);
        assertThat(failed.get(0)).contains(broken.toString());
        assertThat(output).contains("$.resources[").contains("httpsOnly");
        assertThat(output.lines().filter(l -> l.startsWith("ok"))).hasSize(files.size());
    }

    /** The template, host.json and function.json files of one output, under their own names (the script tells kinds by name). */
    private static List<Path> write(OutputTree out, Path to) throws Exception {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            String path = e.getKey();
            if (!path.equals(AzureGenerator.TEMPLATE) && !path.endsWith(".json")) continue;
            if (path.startsWith(AppPackage.DIR)
                    && !path.endsWith("/" + AppPackage.HOST_JSON)
                    && !path.endsWith("/" + AppPackage.FUNCTION_JSON)) continue;
            Path file = to.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
            written.add(file);
        }
        written.sort((a, b) -> a.getFileName().toString().equals(AzureGenerator.TEMPLATE) ? -1 : 0);
        return written;
    }
}
