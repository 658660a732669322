package dev.strato.model.yaml;

import dev.strato.model.diag.Position;
import java.util.List;

public record YList(List<YNode> items, Position position) implements YNode {

    public YList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
