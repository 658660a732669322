package dev.strato.model.yaml;

import dev.strato.model.diag.Position;

/** A YAML value with the position it came from. */
public sealed interface YNode permits YMap, YList, YScalar, YSymbolic {

    Position position();

    /** A short name of the node's type for messages: "a map", "a list", "a string", ... */
    String describe();
}
