package dev.strato.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generated files in memory, by relative path in sorted order, before anything touches the disk,
 * and the warnings the generator has for the user (a limit approached, say).
 */
public final class OutputTree implements Warnings {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();

    public void add(String path, byte[] content) {
        if (path.isEmpty()
                || path.startsWith("/")
                || path.contains("\\")
                || path.equals("..")
                || path.startsWith("../")
                || path.contains("/../")
                || path.endsWith("/..")) {
            throw new IllegalArgumentException("not a relative path inside the output: " + path);
        }
        if (files.putIfAbsent(path, content.clone()) != null)
            throw new IllegalArgumentException("generated twice: " + path);
    }

    public void addText(String path, String content) {
        add(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }
}
