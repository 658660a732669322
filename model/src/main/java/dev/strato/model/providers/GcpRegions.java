package dev.strato.model.providers;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Where a GCP service exists, for services that exist in fewer regions than Cloud Functions ({@code gcp-regions.tsv}, with sources). */
public final class GcpRegions {

    private static final List<String[]> ROWS = Tsv.read("gcp-regions.tsv", 4);

    private GcpRegions() {}

    /** The regions of one service, e.g. {@code apigateway}. */
    public static Set<String> of(String service) {
        Set<String> regions = new TreeSet<>();
        for (String[] row : ROWS) {
            if (row[0].equals(service)) regions.add(row[1]);
        }
        return regions;
    }

    /** The page each row of a service rests on. */
    public static String source(String service) {
        return ROWS.stream()
                .filter(r -> r[0].equals(service))
                .map(r -> r[2])
                .findFirst()
                .orElseThrow();
    }
}
