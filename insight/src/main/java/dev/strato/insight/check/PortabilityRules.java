package dev.strato.insight.check;

import static dev.strato.model.providers.Provider.AZURE;
import static dev.strato.model.providers.Provider.GCP;

import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.support.Durations;
import dev.strato.model.support.UnixCron;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a target provider cannot express exactly, and what strato does instead; runtimes running out. */
final class PortabilityRules {

    private PortabilityRules() {}

    /** How far ahead an end of support is worth a warning: two release cycles of a runtime's minor versions. */
    static final int SUPPORT_WARNING_DAYS = 180;

    static final List<Rule> ALL = List.of(
            new Rule(
                    "runtime-end-of-support-soon",
                    Level.WARNING,
                    "Runtime near its end of support",
                    "The runtime's end of support is less than " + SUPPORT_WARNING_DAYS + " days away.",
                    "Plan the move to the next runtime version now.",
                    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
                    List.of(),
                    PortabilityRules::runtimes),
            new Rule(
                    "gcp-bucket-filter-in-function",
                    Level.WARNING,
                    "Bucket prefix or suffix filter on GCP",
                    "Eventarc filters Cloud Storage events by bucket only: every object event invokes (and bills) the function, and strato's adapter drops the ones that do not match.",
                    "Accept the extra invocations, or use a bucket of its own for these objects.",
                    "https://cloud.google.com/eventarc/docs/run/create-trigger-storage-gcloud",
                    List.of(GCP),
                    PortabilityRules::gcpBucketFilter),
            new Rule(
                    "schedule-daylight-saving",
                    Level.NOTE,
                    "Schedule in a time zone with daylight saving time",
                    "When clocks change, a run in the skipped hour does not happen and a run in the repeated hour may happen twice (EventBridge Scheduler and Cloud Scheduler both do so).",
                    "Schedule outside 01:00-03:00 local time, write the cron in UTC, or make the job safe to skip or repeat.",
                    "https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html",
                    List.of(),
                    PortabilityRules::daylightSaving),
            new Rule(
                    "rate-schedule-as-cron",
                    Level.NOTE,
                    "Rate schedule becomes a clock-aligned cron",
                    "Azure and Cloud Scheduler take cron only: strato writes the rate as the cron of exactly its period, which fires on clock boundaries, not counted from the deploy; a rate with no such cron cannot be generated.",
                    "Write a cron if the alignment matters.",
                    "https://cloud.google.com/scheduler/docs/configuring/cron-job-schedules",
                    List.of(AZURE, GCP),
                    PortabilityRules::rateAsCron),
            new Rule(
                    "topic-filter-on-attributes",
                    Level.NOTE,
                    "Topic filter matches message attributes, not the body",
                    "SNS filter policies, Pub/Sub subscription filters and Service Bus SQL filters all read attributes (application properties) that the publisher sets; a field that is only in the JSON body never matches.",
                    "Publish with the filter keys as message attributes: SNS MessageAttributes, Pub/Sub attributes, Service Bus application properties.",
                    "https://cloud.google.com/pubsub/docs/subscription-message-filter",
                    List.of(),
                    PortabilityRules::topicFilter),
            new Rule(
                    "native-adapter-multi-cloud",
                    Level.NOTE,
                    "Native handler signature on a multi-cloud service",
                    "adapter: native hands the handler each cloud's own event shape, so one handler cannot serve every targeted provider.",
                    "Use adapter: portable, or keep one handler per provider.",
                    null,
                    List.of(),
                    PortabilityRules::nativeAdapter));

    private static void runtimes(Subject s, Report r) {
        boolean past = false; // past its end is validate's error: a valid model has none
        for (Function f : s.functions().values()) {
            // one finding per end date: the providers that share it (the usual case) are named together
            java.util.Map<LocalDate, List<RuntimeSupport.Entry>> byDate = new java.util.TreeMap<>();
            for (Provider p : s.providers()) {
                RuntimeSupport.find(f.runtime(), p)
                        .filter(e -> e.deprecated() != null)
                        .ifPresent(e -> {
                            long days = ChronoUnit.DAYS.between(s.today(), e.deprecated());
                            if (past ? days < 0 : days >= 0 && days <= SUPPORT_WARNING_DAYS) {
                                byDate.computeIfAbsent(e.deprecated(), d -> new java.util.ArrayList<>())
                                        .add(e);
                            }
                        });
            }
            byDate.forEach((end, entries) -> {
                long days = ChronoUnit.DAYS.between(s.today(), end);
                String natives = String.join(
                        ", ",
                        entries.stream()
                                .map(e -> e.provider() + " " + e.nativeId())
                                .toList());
                String sources = String.join(
                        " ",
                        entries.stream()
                                .map(RuntimeSupport.Entry::source)
                                .distinct()
                                .toList());
                Provider only = entries.size() == 1 ? entries.get(0).provider() : null;
                r.add(
                        "functions." + f.name() + ".runtime",
                        f.runtime() + " (" + natives + ") "
                                + (past
                                        ? "reached end of support on " + end
                                        : "reaches end of support on " + end + ", in " + days + " days")
                                + "; see " + sources,
                        only);
            });
        }
    }

    private static void gcpBucketFilter(Subject s, Report r) {
        for (Subject.Trigger<Event.Bucket> t : s.triggers(Event.Bucket.class)) {
            if (t.event().prefix() != null || t.event().suffix() != null) {
                r.add(
                        t.path(),
                        t.function().name() + " is invoked for every object of "
                                + t.event().bucket()
                                + "; the adapter filters "
                                + (t.event().prefix() != null
                                        ? "prefix " + t.event().prefix()
                                        : "")
                                + (t.event().prefix() != null && t.event().suffix() != null ? " and " : "")
                                + (t.event().suffix() != null
                                        ? "suffix " + t.event().suffix()
                                        : ""),
                        GCP);
            }
        }
    }

    private static void daylightSaving(Subject s, Report r) {
        for (Subject.Trigger<Event.Schedule> t : s.triggers(Event.Schedule.class)) {
            String zone = t.event().timezone();
            if (zone == null) continue;
            java.time.zone.ZoneRules rules;
            try {
                rules = java.time.ZoneId.of(zone).getRules();
            } catch (java.time.DateTimeException e) {
                continue; // validate reports an unknown zone
            }
            if (!rules.isFixedOffset()
                    && rules.nextTransition(s.today()
                                    .atStartOfDay(java.time.ZoneOffset.UTC)
                                    .toInstant())
                            != null) {
                r.add(
                        t.path() + ".schedule.timezone",
                        "schedule of " + t.function().name() + " runs in " + zone + ", which changes its clocks");
            }
        }
    }

    private static void rateAsCron(Subject s, Report r) {
        for (Subject.Trigger<Event.Schedule> t : s.triggers(Event.Schedule.class)) {
            if (t.event().rate() == null) continue;
            String cron = UnixCron.ofRate(t.event().rate()).orElse(null);
            for (Provider p : List.of(AZURE, GCP)) {
                if (!s.targets(p)) continue;
                r.add(
                        t.path(),
                        "rate " + Durations.format(t.event().rate())
                                + (cron == null
                                        ? " has no cron of exactly that period"
                                        : " runs as cron '" + cron + "'"),
                        p);
            }
        }
    }

    private static void topicFilter(Subject s, Report r) {
        for (Subject.Trigger<Event.Topic> t : s.triggers(Event.Topic.class)) {
            if (!t.event().filter().isEmpty()) {
                r.add(
                        t.path(),
                        t.function().name() + " receives messages of "
                                + t.event().topic() + " whose attributes "
                                + String.join(", ", t.event().filter().keySet()) + " match");
            }
        }
    }

    private static void nativeAdapter(Subject s, Report r) {
        if (s.providers().size() < 2) return;
        for (Function f : s.functions().values()) {
            if (f.adapter() == Adapter.NATIVE) {
                r.add(
                        "functions." + f.name() + ".adapter",
                        f.name() + " uses the native adapter while targeting "
                                + String.join(
                                        ", ",
                                        s.providers().stream().map(Provider::id).toList()));
            }
        }
    }
}
