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
        boolean data = false;
        for (ResourceChange r : rows) {
            data |= r.losesData();
            cells.add(new String[] {
                r.action() + (r.losesData() ? " !" : ""),
                r.logicalId(),
                r.type(),
                r.replacement().isEmpty() ? "-" : r.replacement()
            });
        }
        Columns.print(out, cells);
        // deploy stops on these unless --allow-data-changes (or a yes on a terminal)
        if (data)
            out.println(
                    "! removes or replaces a table, bucket or queue: the stack moves on to a new, empty one (deploy asks for --allow-data-changes)");
    }
}
