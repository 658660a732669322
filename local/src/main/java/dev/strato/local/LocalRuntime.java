package dev.strato.local;

import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.Runtime;
import dev.strato.templates.Templates;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How to run the local runner for a language: the program on PATH, the adapter files, the command line. */
enum LocalRuntime {
    NODE("node", "Node.js", 1),
    PYTHON("python3", "Python", 2);

    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    private final String program;
    private final String label;
    /** How many leading numbers of a version matter: node 22, python 3.12. */
    private final int significant;

    LocalRuntime(String program, String label, int significant) {
        this.program = program;
        this.label = label;
        this.significant = significant;
    }

    static LocalRuntime of(Runtime runtime) {
        return runtime.language() == Runtime.Language.PYTHON ? PYTHON : NODE;
    }

    /** The adapter core and the local runner at their package paths. */
    Map<String, byte[]> library(Templates templates) {
        try {
            return HandlerAdapters.library(
                    templates, this == NODE ? Runtime.Language.NODE : Runtime.Language.PYTHON, "local");
        } catch (IOException e) {
            // the library ships inside strato: unreadable means a broken installation, not a user error
            throw new UncheckedIOException(e);
        }
    }

    /** The program on {@code path} (the PATH variable), or a failure saying what to install. */
    Path find(String path, Runtime runtime) {
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate;
        }
        throw LocalInvokeException.failure(program + " is not on PATH: install " + label + " (" + runtime.id()
                + " or later) to run this function locally");
    }

    List<String> command(Path program, Path libraryDir, Path resultFile) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        if (this == NODE)
            command.add(
                    libraryDir.resolve(HandlerAdapters.NODE_DIR + "local.mjs").toString());
        else command.addAll(List.of("-m", "strato_adapter.local"));
        command.add(resultFile.toString());
        return command;
    }

    /** Variables the runner needs beside the user's: Python finds the adapter package, and leaves no bytecode in the project. */
    void prepare(Map<String, String> environment, Path libraryDir) {
        if (this != PYTHON) return;
        String existing = environment.get("PYTHONPATH");
        environment.put(
                "PYTHONPATH",
                libraryDir + (existing == null || existing.isEmpty() ? "" : File.pathSeparator + existing));
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
        environment.put("PYTHONUNBUFFERED", "1");
    }

    /** A warning when the local program is older than the function's runtime (e.g. node v20 for nodejs22), else null. */
    String olderThan(String localVersion, Runtime runtime) {
        List<Integer> have = numbers(localVersion);
        List<Integer> want = numbers(runtime.id());
        for (int i = 0; i < significant && i < have.size() && i < want.size(); i++) {
            if (!have.get(i).equals(want.get(i))) {
                return have.get(i) < want.get(i)
                        ? localVersion + " on PATH is older than the function's runtime " + runtime.id()
                        : null;
            }
        }
        return null;
    }

    private static List<Integer> numbers(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBERS.matcher(text);
        while (m.find()) out.add(Integer.parseInt(m.group()));
        return out;
    }
}
