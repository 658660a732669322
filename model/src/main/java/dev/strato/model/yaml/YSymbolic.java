package dev.strato.model.yaml;

import dev.strato.model.diag.Position;
import dev.strato.model.service.Value;

/** A value that stays symbolic for generators: a resource reference, a secret, or text made of them. */
public record YSymbolic(Value value, Position position) implements YNode {

    @Override
    public String describe() {
        return "a " + value.describe();
    }
}
