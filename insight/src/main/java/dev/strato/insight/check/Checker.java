package dev.strato.insight.check;

import dev.strato.model.SourceMap;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.time.LocalDate;
import java.util.List;

/** Runs every rule of the catalog that applies to the checked providers; findings sorted by position. */
public final class Checker {

    private Checker() {}

    public static List<Finding> check(Service service, SourceMap sources, List<Provider> providers, LocalDate today) {
        Subject subject = new Subject(service, providers, today);
        List<Finding> findings = Report.newList();
        for (Rule rule : Rules.all()) {
            if (rule.appliesTo(providers)) rule.check().run(subject, new Report(rule, sources, findings));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    /** The exit-relevant question of {@code --fail-on}: does any finding reach the threshold? */
    public static boolean anyAtLeast(List<Finding> findings, Level threshold) {
        return findings.stream().anyMatch(f -> f.level().atLeast(threshold));
    }
}
