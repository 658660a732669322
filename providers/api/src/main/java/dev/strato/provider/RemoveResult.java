package dev.strato.provider;

import java.util.List;

/** What remove deleted and kept: data resources are kept unless asked, and named here. */
public record RemoveResult(
        String stack,
        boolean existed,
        String artifactBucket,
        int artifactObjectsDeleted,
        List<String> keptData,
        List<String> deletedData) {

    public RemoveResult {
        keptData = List.copyOf(keptData);
        deletedData = List.copyOf(deletedData);
    }
}
