package dev.strato.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows of cells as left-aligned columns two spaces apart. */
final class Columns {

    private Columns() {}

    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows)
            for (int i = 0; i < row.length; i++)
                widths[i] = Math.max(widths[i], text(row[i]).length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(text(row[i]));
                if (i < row.length - 1)
                    line.append(" ".repeat(widths[i] - text(row[i]).length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String text(String cell) {
        return cell == null ? "-" : cell;
    }
}
