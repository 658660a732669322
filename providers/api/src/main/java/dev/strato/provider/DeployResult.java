package dev.strato.provider;

import java.util.List;
import java.util.Map;

/** What a deploy did; {@code changes} false means the stack was already up to date. */
public record DeployResult(
        String stack,
        boolean changes,
        boolean executed,
        String changeSet,
        long uploadedBytes,
        int uploadedArtifacts,
        int skippedArtifacts,
        List<ResourceChange> changeRows,
        Map<String, String> outputs,
        StackInfo info) {

    public DeployResult {
        changeRows = List.copyOf(changeRows);
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
    }
}
