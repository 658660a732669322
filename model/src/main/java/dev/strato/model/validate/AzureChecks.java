package dev.strato.model.validate;

import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Value;
import dev.strato.model.support.Dependencies;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Azure runs a service as one function app: one runtime, one set of app settings, one timer
 * time zone. What cannot share an app is reported here, at its place, instead of at generate.
 */
final class AzureChecks {

    private static final Set<String> UTC = Set.of("UTC", "Etc/UTC");
    /** Microsoft's retirement date of the Linux Consumption plan (docs/AZURE.md cites the announcement). */
    static final String LINUX_CONSUMPTION_RETIREMENT = "2028-09-30";

    static final String LINUX_CONSUMPTION_SOURCE =
            "https://learn.microsoft.com/azure/azure-functions/migration/migrate-plan-consumption-to-flex";

    private final Context c;

    AzureChecks(Context c) {
        this.c = c;
    }

    void run() {
        if (!c.providers().contains(Provider.AZURE) || c.service().providers().azure() == null) return;
        AzurePlan plan = c.service().providers().azure().plan();
        if (plan == AzurePlan.CONSUMPTION) {
            c.warning(
                    "providers.azure.plan",
                    "plan consumption: Linux Consumption is retired on " + LINUX_CONSUMPTION_RETIREMENT
                            + " and gets no new language versions; use plan flex (" + LINUX_CONSUMPTION_SOURCE + ")");
        }
        if (plan != AzurePlan.FLEX) dependencies(plan);
        Function[] first = new Function[1];
        Map<String, Value> settings = new HashMap<>();
        Map<String, String> settingOwners = new HashMap<>();
        Set<String> zones = new LinkedHashSet<>();
        for (Function f : c.service().functions().values()) {
            String fn = "functions." + f.name();
            if (f.events().isEmpty()) {
                c.warningAtKey(
                        fn,
                        "function " + f.name()
                                + " has no event: an Azure function app only hosts triggered functions, so it is left out on azure");
                continue;
            }
            if (f.runtime() != null) runtime(f, plan, first);
            f.environment().forEach((name, value) -> {
                String path = c.sources().has(fn + ".environment." + name)
                        ? fn + ".environment." + name
                        : "defaults.environment." + name;
                Value previous = settings.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    c.error(
                            path,
                            "environment " + name + " differs from function " + settingOwners.get(name)
                                    + "'s: on azure all functions share one function app's settings");
                }
                settingOwners.putIfAbsent(name, f.name());
            });
            for (int i = 0; i < f.events().size(); i++) {
                if (f.events().get(i) instanceof Event.Schedule s
                        && !UTC.contains(s.timezone())
                        && isZone(s.timezone())) {
                    String at = fn + ".events[" + i + "].schedule.timezone";
                    if (plan != AzurePlan.PREMIUM) {
                        c.error(
                                at,
                                "time zone " + s.timezone() + ": azure timers run in UTC on the " + plan
                                        + " plan (WEBSITE_TIME_ZONE works on premium only); write the cron in UTC");
                    } else if (zones.add(s.timezone()) && zones.size() > 1) {
                        c.error(
                                at,
                                "time zone " + s.timezone()
                                        + ": an azure function app has one time zone for all timers, here already "
                                        + zones.iterator().next());
                    }
                }
            }
        }
    }

    /**
     * Consumption and Premium run the package from its URL with no remote build, so what
     * package.json or requirements.txt declares must be vendored in the project and packaged.
     */
    private void dependencies(AzurePlan plan) {
        Path dir = c.projectDir();
        Function triggered = c.service().functions().values().stream()
                .filter(f -> !f.events().isEmpty() && f.runtime() != null)
                .findFirst()
                .orElse(null);
        if (dir == null || triggered == null) return;
        List<Dependencies.Declared> declared;
        try {
            declared = Dependencies.declared(dir, triggered.runtime().language());
        } catch (IOException e) {
            c.error("providers.azure.plan", "cannot read the project's dependencies: " + e.getMessage());
            return;
        }
        if (declared.isEmpty()) return;
        List<PathMatcher> include = c.service().packaging().include().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<String> present = new ArrayList<>();
        Path sitePackages = dir.resolve(Dependencies.PYTHON_PACKAGES);
        if (Files.isDirectory(sitePackages)) {
            try (var entries = Files.list(sitePackages)) {
                entries.forEach(e -> present.add(Dependencies.PYTHON_PACKAGES + e.getFileName() + "/METADATA"));
            } catch (IOException e) {
                c.error("providers.azure.plan", "cannot list " + Dependencies.PYTHON_PACKAGES + ": " + e.getMessage());
                return;
            }
        }
        declared.stream()
                .map(Dependencies.Declared::probe)
                .filter(p -> !p.startsWith(Dependencies.PYTHON_PACKAGES) && Files.isRegularFile(dir.resolve(p)))
                .forEach(present::add);
        present.removeIf(p -> !include.isEmpty() && include.stream().noneMatch(m -> m.matches(Path.of(p))));
        List<Dependencies.Declared> missing = Dependencies.missing(declared, Dependencies.in(present));
        if (!missing.isEmpty()) c.error("providers.azure.plan", Dependencies.explain(missing, plan.id()));
    }

    /** An unknown zone is reported once, by the event checks. */
    private static boolean isZone(String zone) {
        return dev.strato.model.providers.TimeZones.isName(zone);
    }

    /** The first function with events sets the app's runtime; {@code first} holds it. */
    private void runtime(Function f, AzurePlan plan, Function[] first) {
        String own = "functions." + f.name() + ".runtime";
        String path = c.sources().has(own) ? own : c.sources().has("runtime") ? "runtime" : "functions." + f.name();
        RuntimeSupport.find(f.runtime(), Provider.AZURE)
                .filter(e -> !e.offeredOn(plan.id()))
                .ifPresent(e -> c.error(
                        path,
                        "runtime " + f.runtime() + " (" + e.nativeId() + ") is not offered on the azure " + plan
                                + " plan, which gets no new language versions; use plan flex or premium (" + e.source()
                                + ")"));
        if (first[0] == null) {
            first[0] = f;
        } else if (first[0].runtime() != f.runtime()) {
            c.errorAtKey(
                    path,
                    "runtime " + f.runtime() + " differs from function " + first[0].name() + "'s " + first[0].runtime()
                            + ": an azure function app runs one runtime");
        }
    }
}
