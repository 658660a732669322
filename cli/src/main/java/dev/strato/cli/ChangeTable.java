package dev.strato.cli;

import dev.strato.provider.ResourceChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A change set as an aligned table: action, logical id, type, replacement. */
final class ChangeTable {

    private ChangeTable() {}

    static void print(PrintWriter out, List<ResourceChange> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"ACTION", "LOGICAL ID", "TYPE", "REPLACEMENT"});
        for (ResourceChange r : rows) cells.add(new String[] {r.action(), r.logicalId(), r.type(), r.replacement().isEmpty() ? "-" : r.replacement()});
        Columns.print(out, cells);
    }
}
