package dev.strato.insight.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as a SARIF 2.1.0 log (a data tree for any JSON writer): every rule with its metadata,
 * every finding with its file, line and column, so code scanning shows it on the line.
 */
public final class Sarif {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {}

    public static Map<String, Object> log(List<Finding> findings, String toolVersion) {
        List<Rule> rules = Rules.all();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "strato");
        driver.put("version", toolVersion);
        driver.put("rules", rules.stream().map(Sarif::rule).toList());
        List<Object> results = new ArrayList<>();
        for (Finding f : findings) results.add(result(f, rules.indexOf(f.rule())));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", pascal(r.id()));
        m.put("shortDescription", Map.of("text", r.title()));
        m.put("fullDescription", Map.of("text", r.why()));
        m.put("help", Map.of("text", "Fix: " + r.fix()));
        if (r.source() != null) m.put("helpUri", r.source());
        m.put("defaultConfiguration", Map.of("level", r.level().label()));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(
                "providers",
                r.providers().isEmpty()
                        ? List.of("aws", "azure", "gcp")
                        : r.providers().stream().map(p -> p.id()).toList());
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> result(Finding f, int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", f.rule().id());
        m.put("ruleIndex", index);
        m.put("level", f.level().label());
        m.put(
                "message",
                Map.of(
                        "text",
                        f.message()
                                + (f.provider() == null
                                        ? ""
                                        : " (" + f.provider().id() + ")") + ". Fix: "
                                + f.rule().fix()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", f.position().file().replace('\\', '/')));
        if (f.position().line() > 0)
            physical.put(
                    "region",
                    ordered(
                            "startLine",
                            f.position().line(),
                            "startColumn",
                            f.position().column()));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(ordered("fullyQualifiedName", f.path(), "kind", "member")));
        m.put("locations", List.of(location));
        if (f.provider() != null)
            m.put("properties", Map.of("provider", f.provider().id()));
        return m;
    }

    /** A two-key map in this order (Map.of's order differs from run to run; golden files need one). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** {@code queue-without-dead-letter} to {@code QueueWithoutDeadLetter}, SARIF's human-readable rule name. */
    static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-"))
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }
}
