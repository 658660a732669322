package dev.strato.insight.check;

import dev.strato.model.SourceMap;
import dev.strato.model.providers.Provider;
import java.util.ArrayList;
import java.util.List;

/** Where one rule puts its findings; positions come from the model's source map. */
public final class Report {

    private final Rule rule;
    private final SourceMap sources;
    private final List<Finding> findings;

    Report(Rule rule, SourceMap sources, List<Finding> findings) {
        this.rule = rule;
        this.sources = sources;
        this.findings = findings;
    }

    /** A finding about every checked provider. */
    public void add(String path, String message) {
        add(path, message, null);
    }

    public void add(String path, String message, Provider provider) {
        findings.add(new Finding(rule, sources.keyAt(path), path, message, provider));
    }

    static List<Finding> newList() {
        return new ArrayList<>();
    }
}
