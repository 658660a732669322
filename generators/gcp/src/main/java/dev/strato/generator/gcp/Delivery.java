package dev.strato.generator.gcp;

import dev.strato.model.service.AuthKind;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a function's events reach it on GCP. Routes, schedules (Cloud Scheduler with an OIDC token)
 * and queue and topic messages (Pub/Sub push subscriptions) arrive as HTTP requests. Bucket and
 * table events come through Eventarc: a function that has only those is a CloudEvent function whose
 * first one is its own {@code event_trigger}; every other Eventarc source is a trigger of its own.
 */
final class Delivery {

    /** One Eventarc event type and its filters, e.g. objects finalized in one bucket. */
    record EventarcSource(String key, String eventType, List<Map<String, Object>> filters, String summary) {}

    /** A push subscription for a queue or topic event. */
    record Push(String key, Event event) {}

    /** A Cloud Scheduler job for a schedule event. */
    record Schedule(String key, Event.Schedule event) {}

    private final Function function;
    private final List<Event.Http> routes = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<Push> pushes = new ArrayList<>();
    private final List<EventarcSource> eventarc = new ArrayList<>();

    Delivery(Function function, ResourceRefs refs) {
        this.function = function;
        String fn = GcpNames.key(function.name());
        Keys keys = new Keys(fn);
        for (Event e : function.events()) {
            if (e instanceof Event.Http h) routes.add(h);
            else if (e instanceof Event.Schedule s) schedules.add(new Schedule(keys.next("schedule"), s));
            else if (e instanceof Event.Queue q) pushes.add(new Push(keys.next(GcpNames.key(q.queue())), q));
            else if (e instanceof Event.Topic t) pushes.add(new Push(keys.next(GcpNames.key(t.topic())), t));
            else if (e instanceof Event.Bucket b) {
                for (BucketAction action : b.on()) {
                    eventarc.add(new EventarcSource(
                            keys.next(GcpNames.key(b.bucket()) + "_" + action.id()),
                            action == BucketAction.CREATED
                                    ? "google.cloud.storage.object.v1.finalized"
                                    : "google.cloud.storage.object.v1.deleted",
                            List.of(Tf.map("attribute", "bucket", "value", refs.name(b.bucket()))),
                            "bucket " + b.bucket() + " " + action.id()));
                }
            } else if (e instanceof Event.Table t) {
                Tf.Expr database = refs.name(t.table());
                eventarc.add(new EventarcSource(
                        keys.next(GcpNames.key(t.table()) + "_written"),
                        "google.cloud.firestore.document.v1.written",
                        List.of(
                                Tf.map("attribute", "database", "value", database),
                                Tf.map(
                                        "attribute",
                                        "document",
                                        "operator",
                                        "match-path-pattern",
                                        "value",
                                        Tf.template(database, "/{document}"))),
                        "table " + t.table() + " changes"));
            }
        }
    }

    Function function() {
        return function;
    }

    List<Event.Http> routes() {
        return routes;
    }

    List<Schedule> schedules() {
        return schedules;
    }

    List<Push> pushes() {
        return pushes;
    }

    List<EventarcSource> eventarc() {
        return eventarc;
    }

    boolean http() {
        return !routes.isEmpty();
    }

    /** Only Eventarc sources: a CloudEvent function. */
    boolean eventDriven() {
        return routes.isEmpty() && schedules.isEmpty() && pushes.isEmpty() && !eventarc.isEmpty();
    }

    /** The event_trigger of a CloudEvent function, if this is one. */
    EventarcSource ownTrigger() {
        return eventDriven() ? eventarc.get(0) : null;
    }

    /** Eventarc sources that need a trigger resource of their own. */
    List<EventarcSource> separateTriggers() {
        return eventDriven() ? eventarc.subList(1, eventarc.size()) : eventarc;
    }

    /** A route with {@code auth: none} makes the function's own URL public. */
    boolean isPublic() {
        return routes.stream().anyMatch(r -> r.auth().kind() == AuthKind.NONE);
    }

    /** Push subscriptions and Eventarc call the function as its own service account. */
    boolean invokedByItsAccount() {
        return !pushes.isEmpty() || !eventarc.isEmpty();
    }

    /** Requests from the internet reach only functions with routes; Cloud Scheduler, Pub/Sub and Eventarc count as internal. */
    String ingress() {
        return http() ? "ALLOW_ALL" : "ALLOW_INTERNAL_ONLY";
    }

    /** Terraform names {@code <function>_<what>}, with a number where one function has the same what twice. */
    private static final class Keys {
        private final String prefix;
        private final Map<String, Integer> seen = new HashMap<>();

        Keys(String prefix) {
            this.prefix = prefix;
        }

        String next(String what) {
            int n = seen.merge(what, 1, Integer::sum);
            return prefix + "_" + what + (n == 1 ? "" : "_" + n);
        }
    }
}
