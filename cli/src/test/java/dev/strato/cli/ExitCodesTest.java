package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Help's exit-code list is built from {@link ExitCodes}, and the README's table says the same. */
class ExitCodesTest {

    private static final Path README = Path.of("../README.md");

    static Map<String, String> helpList() {
        return Main.commandLine(new Environment(Map.of()), new String[0])
                .getCommandSpec()
                .usageMessage()
                .exitCodeList();
    }

    @Test
    void helpListsEveryConstantOnce() throws IllegalAccessException {
        TreeSet<String> constants = new TreeSet<>();
        for (Field f : ExitCodes.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()))
                constants.add(String.valueOf(f.getInt(null)));
        }
        assertThat(new TreeSet<>(helpList().keySet().stream().map(String::strip).toList()))
                .isEqualTo(constants);
    }

    @Test
    void readmeTableMatchesHelp() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Exit codes");
        assertThat(start).as("README has an Exit codes section").isNotNegative();
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (!line.matches("\\| \\d+ \\|.*")) continue;
            String[] cells = line.split("\\|");
            table.put(cells[1].strip(), cells[2].strip().replace("`", ""));
        }
        Map<String, String> help = new LinkedHashMap<>();
        helpList().forEach((code, meaning) -> help.put(code.strip(), meaning));
        assertThat(table).isEqualTo(help);
    }
}
