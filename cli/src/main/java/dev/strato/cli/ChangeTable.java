package dev.strato.cli;

import dev.strato.provider.ResourceChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A change set as an aligned table (action, logical id, type, replacement) or as JSON rows. */
final class ChangeTable {

    private ChangeTable() {}

    static void print(PrintWriter out, List<ResourceChange> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"ACTION", "LOGICAL ID", "TYPE", "REPLACEMENT"});
        for (ResourceChange r : rows) cells.add(new String[] {r.action(), r.logicalId(), r.type(), r.replacement().isEmpty() ? "-" : r.replacement()});
        Columns.print(out, cells);
    }

    static List<Map<String, Object>> json(List<ResourceChange> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ResourceChange r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", r.action());
            m.put("logicalId", r.logicalId());
            m.put("type", r.type());
            m.put("replacement", r.replacement().isEmpty() ? null : r.replacement());
            list.add(m);
        }
        return list;
    }
}
