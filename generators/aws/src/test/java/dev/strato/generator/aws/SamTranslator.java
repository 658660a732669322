package dev.strato.generator.aws;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/** The AWS SAM translator (src/test/python/sam_translate.py) over many templates in one process. */
final class SamTranslator {

    static final Path SCRIPT = Path.of("src/test/python/sam_translate.py").toAbsolutePath();

    /** A translated template, or the translator's error. */
    record Result(Map<String, Object> template, String error) {}

    private SamTranslator() {}

    static Map<Path, Result> translate(List<Path> templates) throws IOException, InterruptedException {
        Path python = Tools.requirePythonModule("samtranslator");
        List<String> command = new ArrayList<>(List.of(python.toString(), SCRIPT.toString()));
        templates.forEach(t -> command.add(t.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES)) throw new IllegalStateException("sam_translate.py did not finish");
        Map<Path, Result> results = new LinkedHashMap<>();
        for (Path t : templates) {
            Path json = Path.of(t + ".cfn.json");
            Path error = Path.of(t + ".error.txt");
            if (Files.exists(json)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tree = JsonMapper.builder().build().readValue(json.toFile(), Map.class);
                results.put(t, new Result(tree, null));
            } else {
                results.put(
                        t, new Result(null, Files.exists(error) ? Files.readString(error) : "no output: " + output));
            }
        }
        return results;
    }
}
