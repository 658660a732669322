package dev.strato.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes the imported tree as block-style YAML, keys in the tree's order, a blank line between top-level sections. */
public final class StratoWriter {

    private StratoWriter() {}

    public static String write(Map<String, Object> tree, List<String> headerComments) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(1000)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .build();
        String yaml = new Dump(settings).dumpToString(tree);
        List<String> lines = new ArrayList<>();
        for (String comment : headerComments) lines.add("# " + comment);
        String[] yamlLines = yaml.split("\n", -1);
        for (int i = 0; i < yamlLines.length; i++) {
            String line = yamlLines[i];
            boolean section = i > 0
                    && !line.isEmpty()
                    && !Character.isWhitespace(line.charAt(0))
                    && i + 1 < yamlLines.length
                    && yamlLines[i + 1].startsWith(" ");
            if (section) lines.add("");
            lines.add(line);
        }
        String text = String.join("\n", lines);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
