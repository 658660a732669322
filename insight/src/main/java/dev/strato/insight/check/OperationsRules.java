package dev.strato.insight.check;

import static dev.strato.model.providers.Provider.AWS;
import static dev.strato.model.providers.Provider.AZURE;

import dev.strato.model.service.Architecture;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Runtime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Cost, cold starts, logs and the signals an operator needs. */
final class OperationsRules {

    private OperationsRules() {}

    /** Azure Monitor's Log Analytics workspaces keep data at least 30 days. */
    static final int AZURE_MIN_RETENTION_DAYS = 30;
    /** At or below this, a JVM or CLR function spends most of a cold start loading classes on a sliver of CPU. */
    static final int MANAGED_RUNTIME_MIN_MB = 512;

    static final List<Rule> ALL = List.of(
            new Rule(
                    "managed-runtime-low-memory",
                    Level.WARNING,
                    "Java or .NET function at minimal memory",
                    "CPU is allocated in proportion to memory: a JVM or CLR start at 512 MB or less takes seconds.",
                    "Give Java and .NET functions 1024 MB or more, and measure with strato cost --memory-sweep.",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
                    List.of(),
                    OperationsRules::managedLowMemory),
            new Rule(
                    "aws-x86-architecture",
                    Level.NOTE,
                    "x86_64 on AWS",
                    "Lambda's arm64 GB-second costs 20% less than x86_64's, and most Node and Python code runs unchanged.",
                    "Set architecture: arm64 unless a native dependency needs x86_64.",
                    "https://aws.amazon.com/lambda/pricing/",
                    List.of(AWS),
                    OperationsRules::x86),
            new Rule(
                    "log-retention-below-provider-minimum",
                    Level.WARNING,
                    "Log retention shorter than Azure keeps logs",
                    "Log Analytics workspaces keep data at least 30 days; a shorter logRetentionDays is raised to 30 there.",
                    "Set logRetentionDays to 30 or more.",
                    "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/data-retention-configure",
                    List.of(AZURE),
                    OperationsRules::azureRetention),
            new Rule(
                    "alarms-off",
                    Level.NOTE,
                    "No alarms on errors",
                    "Nobody is told when the function starts failing.",
                    "Set alarms: true (for production stages at least).",
                    null,
                    List.of(),
                    OperationsRules::alarmsOff),
            new Rule(
                    "tracing-off",
                    Level.NOTE,
                    "Tracing off on a function that calls other services",
                    "Without traces a slow or failing downstream call is hard to find.",
                    "Set tracing: true.",
                    "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
                    List.of(),
                    OperationsRules::tracingOff),
            new Rule(
                    "schedule-disabled",
                    Level.NOTE,
                    "Disabled schedule",
                    "The schedule is deployed but never fires.",
                    "Remove the event, or enable it.",
                    null,
                    List.of(),
                    OperationsRules::scheduleDisabled),
            new Rule(
                    "bucket-versions-kept-forever",
                    Level.NOTE,
                    "Versioned bucket without expiry",
                    "Every overwrite keeps the old version: storage grows without bound.",
                    "Set expireAfterDays, or turn versioning off.",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html",
                    List.of(),
                    OperationsRules::versionsForever),
            new Rule(
                    "table-stream-unused",
                    Level.NOTE,
                    "Table stream that nothing reads",
                    "The stream is enabled (and on some clouds billed) but no function has a table event for it.",
                    "Remove stream: true, or add the consumer.",
                    null,
                    List.of(),
                    OperationsRules::streamUnused),
            new Rule(
                    "unused-resource",
                    Level.NOTE,
                    "Resource no function uses",
                    "No function has an event, a permission or a reference for it.",
                    "Remove it, or wire it.",
                    null,
                    List.of(),
                    OperationsRules::unused));

    private static void managedLowMemory(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            Runtime.Language lang = f.runtime().language();
            if ((lang == Runtime.Language.JAVA || lang == Runtime.Language.DOTNET)
                    && f.memoryMb() <= MANAGED_RUNTIME_MIN_MB) {
                r.add(
                        "functions." + f.name() + ".memory",
                        f.name() + " runs " + f.runtime() + " on " + f.memoryMb() + " MB");
            }
        }
    }

    private static void x86(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (f.architecture() == Architecture.X86_64)
                r.add("functions." + f.name() + ".architecture", f.name() + " runs on x86_64", AWS);
        }
    }

    private static void azureRetention(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (f.logRetentionDays() < AZURE_MIN_RETENTION_DAYS) {
                r.add(
                        "functions." + f.name() + ".logRetentionDays",
                        "logRetentionDays " + f.logRetentionDays() + " is below Azure's minimum of "
                                + AZURE_MIN_RETENTION_DAYS,
                        AZURE);
            }
        }
    }

    private static void alarmsOff(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (!f.alarms()) r.add("functions." + f.name() + ".alarms", f.name() + " has no error alarm");
        }
    }

    private static void tracingOff(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (!f.tracing() && !f.permissions().isEmpty())
                r.add(
                        "functions." + f.name() + ".tracing",
                        f.name() + " calls " + String.join(", ", f.permissions().keySet()) + " without tracing");
        }
    }

    private static void scheduleDisabled(Subject s, Report r) {
        for (Subject.Trigger<Event.Schedule> t : s.triggers(Event.Schedule.class)) {
            if (!t.event().enabled())
                r.add(t.path(), "schedule of " + t.function().name() + " is disabled");
        }
    }

    private static void versionsForever(Subject s, Report r) {
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Bucket b && b.versioning() && b.expireAfterDays() == null) {
                r.add("resources." + name + ".versioning", "bucket " + name + " keeps every version forever");
            }
        });
    }

    private static void streamUnused(Subject s, Report r) {
        Set<String> read = new TreeSet<>();
        s.triggers(Event.Table.class).forEach(t -> read.add(t.event().table()));
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Table t && t.stream() && !read.contains(name)) {
                r.add("resources." + name + ".stream", "table " + name + " streams changes that no function reads");
            }
        });
    }

    private static void unused(Subject s, Report r) {
        Set<String> used = new TreeSet<>(ReliabilityRules.deadLetters(s));
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Queue q && q.deadLetter() != null) used.add(name);
        });
        for (Function f : s.functions().values()) {
            used.addAll(f.permissions().keySet());
            f.environment().values().forEach(v -> used.addAll(ReliabilityRules.referenced(v)));
            for (Event e : f.events()) Subject.resourceOf(e).ifPresent(used::add);
        }
        s.service().resources().keySet().stream()
                .filter(n -> !used.contains(n))
                .forEach(n -> r.add("resources." + n, "no function uses " + n));
    }
}
