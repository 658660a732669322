package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The trigger of each Azure function: its function.json binding, and what the trigger needs
 * around it: the connection app settings (identity-based, {@code STRATO_*__…}), the roles on
 * the one resource it reads, a topic subscription of its own, the Event Grid subscription of a
 * bucket event, and the extension settings of host.json.
 */
final class Triggers {

    static final String SERVICE_BUS = "STRATO_SERVICEBUS";
    static final String STORAGE = "STRATO_STORAGE";
    static final String COSMOS = "STRATO_COSMOS";
    static final String EVENT_SUBSCRIPTIONS = "eventSubscriptions";
    private static final String UTC = "UTC";

    private final Service service;
    private final AzureApp app;
    private ArmResource systemTopic;
    private final List<ArmResource> eventGrid = new ArrayList<>();

    Triggers(Service service, AzureApp app) {
        this.service = service;
        this.app = app;
    }

    /** The function.json of one Azure function, after its {@code scriptFile} and {@code entryPoint}. */
    Map<String, Object> functionJson(AzureFunction af, Map<String, Object> entryPoint) throws GenerationException {
        Map<String, Object> json = new LinkedHashMap<>(entryPoint);
        Event e = af.event();
        List<Object> bindings = new ArrayList<>();
        Map<String, Object> retry = null;
        if (e instanceof Event.Http h) {
            bindings.addAll(Bindings.http(h));
        } else if (e instanceof Event.Schedule s) {
            bindings.add(Bindings.timer(s));
            if (!s.enabled()) json.put("disabled", true);
            if (s.input() != null) app.settings().put(inputSetting(af), ArmValue.text(Json.compact(s.input())));
            retry = retry(af.source());
        } else if (e instanceof Event.Queue q) {
            bindings.add(queue(af, q));
        } else if (e instanceof Event.Topic t) {
            bindings.add(topic(af, t));
        } else if (e instanceof Event.Bucket b) {
            bindings.add(bucket(af, b));
        } else if (e instanceof Event.Table t) {
            bindings.add(table(af, t));
            retry = retry(af.source());
        }
        json.put("bindings", bindings);
        if (retry != null) json.put("retry", retry);
        return json;
    }

    /** {@code STRATO_SCHEDULE_INPUT_<FUNCTION>}: the schedule's {@code input}, for the adapter to hand to the handler. */
    static String inputSetting(AzureFunction af) {
        return "STRATO_SCHEDULE_INPUT_" + af.name().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Event Grid resources, written after the app since their subscriptions point at its functions. */
    List<ArmResource> eventGrid() {
        return eventGrid;
    }

    /**
     * The one time zone of the app's schedules: the host reads {@code WEBSITE_TIME_ZONE} for all
     * of them, and only Premium on Linux reads it at all; null for UTC.
     */
    String timeZone() throws GenerationException {
        Set<String> zones = new LinkedHashSet<>();
        for (Function f : service.functions().values()) {
            f.events().stream()
                    .filter(Event.Schedule.class::isInstance)
                    .map(e -> ((Event.Schedule) e).timezone())
                    .forEach(z -> zones.add(z == null ? UTC : z));
        }
        zones.remove("Etc/UTC");
        if (zones.isEmpty() || zones.equals(Set.of(UTC))) return null;
        if (!app.plan().supportsTimeZones()) {
            throw new GenerationException("schedules in time zone " + String.join(", ", zones) + ": the "
                    + app.plan().plan()
                    + " plan runs timers in UTC only (WEBSITE_TIME_ZONE is not supported on Linux Consumption or Flex Consumption);"
                    + " write the cron in UTC or use plan premium");
        }
        if (zones.size() > 1) {
            throw new GenerationException("schedules in time zones " + String.join(", ", zones)
                    + ": an Azure app has one time zone" + " (WEBSITE_TIME_ZONE) for all its timers; use one");
        }
        return zones.iterator().next();
    }

    /** The function's retries as the retry policy of its timer or Cosmos DB trigger. */
    private static Map<String, Object> retry(Function f) {
        return f.retries() == 0 ? null : HostJson.retryPolicy(f.retries());
    }

    /** A subscription's message lock lasts as long as the function may run, within Service Bus's 5 s to 5 min. */
    private static Duration lock(Function f) {
        Duration t = f.timeout();
        if (t.compareTo(DataResources.MAX_LOCK) > 0) return DataResources.MAX_LOCK;
        return t.getSeconds() < 5 ? Duration.ofSeconds(5) : Duration.ofSeconds(t.getSeconds());
    }

    private Map<String, Object> queue(AzureFunction af, Event.Queue q) {
        Resource.Queue resource = (Resource.Queue) service.resources().get(q.queue());
        ArmResource target = app.data().get(q.queue());
        if (app.data().storageQueues()) {
            storageConnection();
            app.host().storageQueue(q.batchSize(), resource.maxReceiveCount());
            app.grants().grant(Role.STORAGE_QUEUE_DATA_READER, target, "the queue trigger of " + af.name());
            app.grants().grant(Role.STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR, target, "the queue trigger of " + af.name());
            // after maxDequeueCount the host moves the message to <queue>-poison, which it only creates when missing
            app.grants()
                    .grant(
                            Role.STORAGE_QUEUE_DATA_MESSAGE_SENDER,
                            app.data().poisonQueue(q.queue()),
                            "the poison messages of " + af.name());
            return Bindings.storageQueue(target.leaf().text());
        }
        serviceBusConnection();
        app.host().serviceBusBatch(q.batchSize());
        // Receiver reads messages, but target-based scaling reads the entity's message count, which takes Manage: Data
        // Owner,
        // scoped to this one queue (docs/AZURE.md, "Roles", has the trade-off)
        app.grants()
                .grant(
                        Role.SERVICE_BUS_DATA_OWNER,
                        target,
                        "the queue trigger of " + af.name() + " and its target-based scaling");
        return Bindings.serviceBus(
                q.batchSize(), Arm.map("queueName", target.leaf().text()));
    }

    private Map<String, Object> topic(AzureFunction af, Event.Topic t) {
        serviceBusConnection();
        Function f = af.source();
        ArmResource topic = app.data().get(t.topic());
        String name = app.names().subscription(af.name());
        String deadLetter = f.deadLetter() == null || app.data().storageQueues()
                ? null
                : app.names().serviceBusEntity(f.deadLetter());
        if (f.deadLetter() != null && deadLetter == null) {
            app.out()
                    .warn("function " + f.name() + ": deadLetter " + f.deadLetter()
                            + " is a Storage queue, which a Service Bus subscription cannot"
                            + " forward to; failed messages stay in the subscription's dead-letter queue");
        }
        // top-level, as are its rules: Microsoft's template schema knows a child only one level inside its parent
        ArmResource subscription =
                app.template().add(topic.below("subscriptions", name)).dependsOn(topic.id());
        subscription
                .properties()
                .putAll(Arm.map(
                        "lockDuration",
                        DataResources.iso(lock(f)),
                        "maxDeliveryCount",
                        f.retries() + 1,
                        "deadLetteringOnMessageExpiration",
                        deadLetter != null,
                        "forwardDeadLetteredMessagesTo",
                        deadLetter));
        if (deadLetter != null)
            subscription.dependsOn(app.data().get(f.deadLetter()).id());
        if (!t.filter().isEmpty()) {
            app.template()
                    .add(subscription
                            .below("rules", "$Default")
                            .set(
                                    "properties",
                                    Arm.map(
                                            "filterType",
                                            "SqlFilter",
                                            "sqlFilter",
                                            Arm.map("sqlExpression", SqlFilter.of(t.filter()))))
                            .dependsOn(subscription.id()));
        }
        app.host().serviceBusBatch(1);
        app.grants()
                .grant(
                        Role.SERVICE_BUS_DATA_OWNER,
                        subscription,
                        "the topic trigger of " + af.name() + " and its target-based scaling");
        return Bindings.serviceBus(1, Arm.map("topicName", topic.leaf().text(), "subscriptionName", name));
    }

    private Map<String, Object> bucket(AzureFunction af, Event.Bucket b) {
        ArmResource container = app.data().get(b.bucket());
        String subject = "/blobServices/default/containers/" + container.leaf().text() + "/blobs/"
                + (b.prefix() == null ? "" : b.prefix());
        boolean created = af.action() == BucketAction.CREATED;
        ArmResource sub = systemTopic()
                .child("eventSubscriptions", app.names().eventSubscription(af.name()))
                .condition(Arm.parameter(EVENT_SUBSCRIPTIONS))
                .dependsOn(app.siteId());
        sub.properties()
                .putAll(Arm.map(
                        "destination",
                        created
                                ? webhook(af)
                                : Arm.map(
                                        "endpointType",
                                        "AzureFunction",
                                        "properties",
                                        Arm.map(
                                                "resourceId",
                                                Arm.expression(Arm.call(
                                                        "resourceId",
                                                        Arm.quote("Microsoft.Web/sites/functions"),
                                                        app.names()
                                                                .functionApp()
                                                                .inner(),
                                                        Arm.quote(af.name()))),
                                                "maxEventsPerBatch",
                                                1)),
                        "filter",
                        Arm.map(
                                "includedEventTypes",
                                        List.of(
                                                created
                                                        ? "Microsoft.Storage.BlobCreated"
                                                        : "Microsoft.Storage.BlobDeleted"),
                                "subjectBeginsWith", subject,
                                "subjectEndsWith", b.suffix()),
                        "eventDeliverySchema",
                        "EventGridSchema",
                        "retryPolicy",
                        Arm.map("maxDeliveryAttempts", 30, "eventTimeToLiveInMinutes", 1440)));
        if (!created) return Bindings.eventGrid();
        storageConnection();
        app.grants().grant(Role.STORAGE_BLOB_DATA_OWNER, container, "the blob trigger of " + af.name());
        app.grants()
                .grant(
                        Role.STORAGE_QUEUE_DATA_CONTRIBUTOR,
                        app.data().blobPoisonQueue(),
                        "the blob trigger of " + af.name());
        return Bindings.blob(container.leaf().text(), b);
    }

    /**
     * The blobs extension's webhook, whose key exists only once the app runs: evaluated only when
     * {@code eventSubscriptions} is true (ARM's if() evaluates the branch it takes).
     */
    private Map<String, Object> webhook(AzureFunction af) {
        String host = Arm.reference(app.siteId(), "Microsoft.Web/sites") + ".defaultHostName";
        String key = Arm.call(
                        "listKeys",
                        Arm.call(
                                "resourceId",
                                Arm.quote("Microsoft.Web/sites/host"),
                                app.names().functionApp().inner(),
                                Arm.quote("default")),
                        Arm.quote(ApiVersions.of("Microsoft.Web/sites")))
                + ".systemKeys.blobs_extension";
        String url = Arm.call(
                "format",
                Arm.quote("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}"),
                host,
                Arm.quote(af.name()),
                key);
        return Arm.map(
                "endpointType",
                "WebHook",
                "properties",
                Arm.map(
                        "endpointUrl",
                        Arm.expression(Arm.call("if", Arm.parameter(EVENT_SUBSCRIPTIONS), url, Arm.quote(""))),
                        "maxEventsPerBatch",
                        1));
    }

    private ArmResource systemTopic() {
        if (systemTopic == null) {
            app.template()
                    .parameter(
                            EVENT_SUBSCRIPTIONS,
                            "bool",
                            false,
                            "Create the Event Grid subscriptions of bucket triggers: true on the"
                                    + " deployment after app.zip runs, since Event Grid calls the function's endpoint when it subscribes");
            ArmResource storage = app.data().dataStorage();
            systemTopic = app.common()
                    .located(ArmResource.of(
                            "Microsoft.EventGrid/systemTopics", app.names().eventGridTopic()));
            systemTopic
                    .properties()
                    .putAll(Arm.map(
                            "source", Arm.expression(storage.id()), "topicType", "Microsoft.Storage.StorageAccounts"));
            systemTopic.dependsOn(storage.id());
            app.common().tag(systemTopic);
            eventGrid.add(systemTopic);
        }
        return systemTopic;
    }

    private Map<String, Object> table(AzureFunction af, Event.Table t) {
        ArmResource container = app.data().get(t.table());
        ArmResource leases = app.data().leases(app.template());
        cosmosConnection();
        app.grants().grant(Role.COSMOS_DATA_READER, container, "the change feed trigger of " + af.name());
        app.grants()
                .grant(
                        Role.COSMOS_METADATA_READER,
                        app.data().cosmosDatabase(),
                        "the change feed trigger of " + af.name() + " (database metadata)");
        app.grants()
                .grant(Role.COSMOS_DATA_CONTRIBUTOR, leases, "the leases of the change feed trigger of " + af.name());
        return Bindings.cosmos(app.names().database(), container.leaf().text(), af.name(), t.batchSize());
    }

    private void serviceBusConnection() {
        app.settings()
                .put(
                        SERVICE_BUS + "__fullyQualifiedNamespace",
                        ArmValue.expression(ResourceRefs.serviceBusNamespace(app.data())));
    }

    private void storageConnection() {
        String endpoints = Arm.reference(app.data().dataStorage().id(), DataResources.STORAGE) + ".primaryEndpoints.";
        app.settings().put(STORAGE + "__blobServiceUri", ArmValue.expression(endpoints + "blob"));
        app.settings().put(STORAGE + "__queueServiceUri", ArmValue.expression(endpoints + "queue"));
    }

    private void cosmosConnection() {
        app.settings()
                .put(
                        COSMOS + "__accountEndpoint",
                        ArmValue.expression(Arm.reference(
                                        app.data().cosmosAccount().id(), DataResources.COSMOS) + ".documentEndpoint"));
    }
}
