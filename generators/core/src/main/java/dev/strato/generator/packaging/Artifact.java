package dev.strato.generator.packaging;

import java.util.List;

/**
 * A deterministic function package.
 *
 * @param owner the function it belongs to, or the service name for a shared package
 * @param fileName {@code <owner>-<first 12 hex digits of sha256>.zip}: same content, same name
 * @param entries the paths inside, sorted
 */
public record Artifact(String owner, String fileName, byte[] bytes, String sha256, List<String> entries) {

    public Artifact {
        bytes = bytes.clone();
        entries = List.copyOf(entries);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }
}
