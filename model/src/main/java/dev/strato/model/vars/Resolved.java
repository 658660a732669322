package dev.strato.model.vars;

import dev.strato.model.yaml.YNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The model tree after variables: {@code failed} holds the nodes that stand for a variable that
 * could not be resolved (already reported), so later stages don't report them again.
 */
public record Resolved(YNode root, String stage, Set<YNode> failed) {

    public static Set<YNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    public boolean isFailed(YNode node) {
        return failed.contains(node);
    }
}
