package dev.strato.model.providers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated data tables shipped with the model (header line first). */
final class Tsv {

    private Tsv() {}

    static List<String[]> read(String resource, int columns) {
        try (InputStream in = Tsv.class.getResourceAsStream("/dev/strato/model/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns, got " + cells.length
                            + ": " + Arrays.toString(cells));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
