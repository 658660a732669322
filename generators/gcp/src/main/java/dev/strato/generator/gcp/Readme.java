package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import dev.strato.model.support.Durations;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The generated README.md, rendered from the template {@value #TEMPLATE}: how to apply, and what each function gets. */
final class Readme {

    static final String TEMPLATE = "generate/gcp/README.md.ftl";

    private Readme() {}

    static String render(Service service, Path projectDir, StackBuilder.Stack result, List<String> warnings)
            throws GenerationException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("service", service.name());
        model.put("stage", service.stage());
        model.put("project", service.providers().gcp().project());
        model.put("region", service.providers().gcp().region());
        model.put("providerVersion", StackBuilder.PROVIDER_VERSION);
        model.put("gateway", result.openApi() != null);
        model.put("openApiFile", OpenApiDocument.FILE);
        model.put("roles", DeployRoles.of(result.configuration()));
        List<Map<String, Object>> functions = new ArrayList<>();
        TreeSet<String> secrets = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        for (Delivery d : result.deliveries()) {
            Function f = d.function();
            functions.add(Map.of(
                    "name", f.name(),
                    "key", GcpNames.key(f.name()),
                    "runtime",
                            RuntimeSupport.find(f.runtime(), Provider.GCP)
                                    .map(RuntimeSupport.Entry::nativeId)
                                    .orElse(f.runtime().id()),
                    "entryPoint", EntryPoints.of(f),
                    "triggers", String.join("; ", triggers(d)),
                    "access", d.http() ? (d.isPublic() ? "public" : "roles/run.invoker only") : "internal"));
            f.environment().values().forEach(v -> {
                if (v instanceof Value.Secret s) secrets.add(s.name());
            });
            notes.addAll(notes(service, d));
        }
        model.put("functions", functions);
        model.put("secrets", List.copyOf(secrets));
        model.put("notes", notes);
        model.put("warnings", warnings);
        try {
            return Templates.forProject(projectDir).render(TEMPLATE, model);
        } catch (IOException e) {
            throw new GenerationException("cannot render the GCP README: " + e.getMessage(), e);
        }
    }

    private static List<String> triggers(Delivery d) {
        List<String> list = new ArrayList<>();
        for (Event.Http r : d.routes())
            list.add(r.method() + " " + r.path()
                    + (r.auth().kind() == AuthKind.NONE
                            ? ""
                            : " (" + r.auth().kind().id() + ")"));
        for (Delivery.Schedule s : d.schedules()) {
            Event.Schedule e = s.event();
            list.add("Cloud Scheduler "
                    + (e.cron() != null
                            ? "`" + e.cron() + "` " + e.timezone()
                            : "every " + Durations.format(e.rate())));
        }
        for (Delivery.Push p : d.pushes()) {
            list.add(
                    p.event() instanceof Event.Queue q
                            ? "queue " + q.queue() + " (push)"
                            : "topic " + ((Event.Topic) p.event()).topic() + " (push)");
        }
        for (Delivery.EventarcSource e : d.eventarc()) list.add(e.summary() + " (Eventarc)");
        if (list.isEmpty()) list.add("none: invoke it with roles/run.invoker");
        return list;
    }

    /** Who does what the platform leaves undone: strato's adapter for a portable function, else the handler. */
    private static String checker(Delivery d) {
        return HandlerAdapters.portable(d.function()) ? "strato's adapter" : "the handler";
    }

    private static long visibility(Service service, Event.Queue q) {
        return ((Resource.Queue) service.resources().get(q.queue()))
                .visibilityTimeout()
                .toSeconds();
    }

    /** What the platform leaves to the handler (or the adapter) for this function. */
    private static List<String> notes(Service service, Delivery d) {
        String fn = d.function().name();
        List<String> notes = new ArrayList<>();
        for (Event e : d.function().events()) {
            if (e instanceof Event.Bucket b && (b.prefix() != null || b.suffix() != null)) {
                notes.add(fn + ": Eventarc filters bucket events by bucket only, so " + checker(d)
                        + " skips objects outside "
                        + (b.prefix() == null ? "" : "prefix `" + b.prefix() + "`")
                        + (b.prefix() != null && b.suffix() != null ? " and " : "")
                        + (b.suffix() == null ? "" : "suffix `" + b.suffix() + "`")
                        + " itself (the object name is the event's subject, `objects/<name>`)");
            } else if (e instanceof Event.Queue q && q.batchSize() > 1) {
                notes.add(fn + ": Pub/Sub pushes one message per request, so the batchSize " + q.batchSize()
                        + " of its queue " + q.queue() + " does not apply");
            }
            if (e instanceof Event.Queue q && visibility(service, q) < EventSources.ackDeadline(d.function())) {
                notes.add(
                        fn + ": the ack deadline of queue " + q.queue() + "'s subscription is the function's timeout, "
                                + EventSources.ackDeadline(d.function()) + " s, not its visibilityTimeout "
                                + visibility(service, q)
                                + " s: a push that outlasts the deadline is cut off and delivered again");
            } else if (e instanceof Event.Table t && t.batchSize() > 1) {
                notes.add(fn + ": Eventarc delivers one Firestore change per event, so the batchSize " + t.batchSize()
                        + " of its table " + t.table() + " does not apply");
            }
        }
        if (d.http() && (d.routes().size() > 1 || !d.routes().get(0).path().equals("/"))) {
            notes.add(fn + ": its URL takes every method and path, so " + checker(d) + " checks them: it serves "
                    + String.join(
                            ", ",
                            d.routes().stream()
                                    .map(r -> r.method() + " " + r.path())
                                    .toList()) + " (404 or 405 for anything else)");
        }
        return notes;
    }
}
