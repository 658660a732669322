package dev.strato.generator.azure;

import dev.strato.generator.Warnings;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.service.Event;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's resources: tables as containers of one serverless Cosmos DB account, buckets
 * as private blob containers of a data storage account (with a lifecycle rule for
 * {@code expireAfterDays}), queues in a Service Bus namespace (or as Storage queues with
 * {@code providers.azure.queues: storage}) and topics in the namespace. Every account refuses
 * keys: the app reaches them with its identity.
 */
final class DataResources {

    static final String COSMOS = "Microsoft.DocumentDB/databaseAccounts";
    static final String STORAGE = "Microsoft.Storage/storageAccounts";
    static final String SERVICE_BUS = "Microsoft.ServiceBus/namespaces";
    /** Service Bus caps a message lock at 5 minutes (service-bus-quotas). */
    static final Duration MAX_LOCK = Duration.ofMinutes(5);

    private final Service service;
    private final AzureNames names;
    private final AzureResources common;
    private final boolean storageQueues;
    private final Map<String, ArmResource> byName = new LinkedHashMap<>();
    private final Map<String, ArmResource> poisonQueues = new LinkedHashMap<>();
    private ArmResource cosmos;
    private ArmResource database;
    private ArmResource leases;
    private ArmResource storage;
    private ArmResource blobs;
    private ArmResource queues;
    private ArmResource serviceBus;

    DataResources(Service service, AzureNames names, AzureResources common) {
        this.service = service;
        this.names = names;
        this.common = common;
        this.storageQueues = service.providers().azure() != null
                && service.providers().azure().queues() == AzureQueues.STORAGE;
    }

    boolean storageQueues() {
        return storageQueues;
    }

    void addTo(ArmTemplate t, Warnings out) {
        Map<String, Resource> resources = service.resources();
        if (resources.values().stream().anyMatch(r -> r instanceof Resource.Table)) cosmos(t);
        if (resources.values().stream()
                .anyMatch(r -> r instanceof Resource.Bucket || (storageQueues && r instanceof Resource.Queue)))
            storage(t);
        if (resources.values().stream()
                .anyMatch(r -> r instanceof Resource.Topic || (!storageQueues && r instanceof Resource.Queue)))
            serviceBus(t);
        resources.forEach((name, r) -> {
            if (r instanceof Resource.Table table) byName.put(name, t.add(table(name, table)));
            else if (r instanceof Resource.Bucket)
                byName.put(
                        name,
                        blobs.child("containers", names.storageEntity(name))
                                .set("properties", Arm.map("publicAccess", "None")));
            else if (r instanceof Resource.Topic)
                byName.put(
                        name,
                        t.add(ArmResource.of(
                                        SERVICE_BUS + "/topics",
                                        names.serviceBus(),
                                        ArmValue.text(names.serviceBusEntity(name)))
                                .set("properties", Arm.map("defaultMessageTimeToLive", "P14D"))
                                .dependsOn(serviceBus.id())));
        });
        resources.forEach((name, r) -> {
            if (r instanceof Resource.Queue q)
                byName.put(name, storageQueues ? storageQueue(name, q, out) : serviceBusQueue(t, name, q, out));
        });
        if (storage != null) lifecycleRules(t);
    }

    ArmResource get(String resource) {
        ArmResource r = byName.get(resource);
        if (r == null) throw new IllegalArgumentException("no resource " + resource);
        return r;
    }

    ArmResource cosmosAccount() {
        return cosmos;
    }

    /** The Cosmos DB database of the service's tables. */
    ArmResource cosmosDatabase() {
        return database;
    }

    ArmResource dataStorage() {
        return storage;
    }

    ArmResource serviceBus() {
        return serviceBus;
    }

    /** The lease container that Cosmos DB triggers keep their change-feed positions in, made on first use. */
    ArmResource leases(ArmTemplate t) {
        if (leases == null) {
            leases = t.add(cosmosContainer(AzureNames.LEASE_CONTAINER, "/id", false));
        }
        return leases;
    }

    /** The queue a blob trigger moves a blob's event to after five failures (functions-bindings-storage-blob-trigger#poison-blobs), made on first use. */
    ArmResource blobPoisonQueue() {
        if (queues == null) throw new IllegalStateException("no queue service");
        return queues.child("queues", AzureNames.BLOB_POISON_QUEUE).set("properties", Arm.map());
    }

    /**
     * {@code <queue>-poison}, where the Storage queue trigger moves a message after
     * {@code maxDequeueCount} failures (functions-bindings-storage-queue-trigger#poison-messages),
     * made on first use.
     */
    ArmResource poisonQueue(String queue) {
        return poisonQueues.computeIfAbsent(
                queue,
                q -> queues.child("queues", names.storageQueue(q) + AzureNames.POISON_SUFFIX)
                        .set("properties", Arm.map()));
    }

    /** A queue service exists before any trigger asks for the poison queue: the service decides it from its bucket events. */
    private boolean needsQueueService() {
        return storageQueues && service.resources().values().stream().anyMatch(r -> r instanceof Resource.Queue)
                || service.functions().values().stream()
                        .flatMap(f -> f.events().stream())
                        .anyMatch(Event.Bucket.class::isInstance);
    }

    private void cosmos(ArmTemplate t) {
        cosmos = t.add(common.located(ArmResource.of(COSMOS, names.cosmos())).set("kind", "GlobalDocumentDB"));
        cosmos.properties()
                .putAll(Arm.map(
                        "databaseAccountOfferType",
                        "Standard",
                        "locations",
                        List.of(Arm.map(
                                "locationName", common.location(), "failoverPriority", 0, "isZoneRedundant", false)),
                        "capabilities",
                        List.of(Arm.map("name", "EnableServerless")),
                        "consistencyPolicy",
                        Arm.map("defaultConsistencyLevel", "Session"),
                        "disableLocalAuth",
                        true,
                        "minimalTlsVersion",
                        "Tls12"));
        common.tag(cosmos);
        database = t.add(ArmResource.of(COSMOS + "/sqlDatabases", names.cosmos(), ArmValue.text(names.database()))
                .set("properties", Arm.map("resource", Arm.map("id", names.database())))
                .dependsOn(cosmos.id()));
    }

    private ArmResource table(String name, Resource.Table table) {
        return cosmosContainer(name, "/" + table.partition().name(), table.ttl() != null);
    }

    private ArmResource cosmosContainer(String id, String partitionKeyPath, boolean ttl) {
        ArmResource c = ArmResource.of(
                        COSMOS + "/sqlDatabases/containers",
                        names.cosmos(),
                        ArmValue.text(names.database()),
                        ArmValue.text(id))
                .dependsOn(database.id());
        c.properties()
                .put(
                        "resource",
                        Arm.map(
                                "id",
                                id,
                                "partitionKey",
                                Arm.map("paths", List.of(partitionKeyPath), "kind", "Hash", "version", 2),
                                "defaultTtl",
                                ttl ? -1 : null));
        return c;
    }

    private void storage(ArmTemplate t) {
        storage = t.add(common.storageAccount(names.dataStorage()));
        List<Resource.Bucket> buckets = service.resources().values().stream()
                .filter(Resource.Bucket.class::isInstance)
                .map(Resource.Bucket.class::cast)
                .toList();
        blobs = t.add(ArmResource.of(STORAGE + "/blobServices", names.dataStorage(), ArmValue.text("default"))
                .dependsOn(storage.id()));
        blobs.properties()
                .putAll(Arm.map(
                        "isVersioningEnabled",
                        buckets.stream().anyMatch(Resource.Bucket::versioning),
                        "cors",
                        buckets.stream().anyMatch(b -> b.cors() != null)
                                ? Arm.map("corsRules", corsRules(buckets))
                                : null));
        if (needsQueueService()) {
            queues = t.add(ArmResource.of(STORAGE + "/queueServices", names.dataStorage(), ArmValue.text("default"))
                    .set("properties", Arm.map())
                    .dependsOn(storage.id()));
        }
    }

    private static List<Object> corsRules(List<Resource.Bucket> buckets) {
        List<Object> rules = new ArrayList<>();
        for (Resource.Bucket b : buckets) {
            if (b.cors() == null) continue;
            Event.Cors c = b.cors();
            rules.add(Arm.map(
                    "allowedOrigins", c.origins(),
                    "allowedMethods",
                            c.methods().contains("*")
                                    ? List.of("DELETE", "GET", "HEAD", "MERGE", "POST", "OPTIONS", "PUT", "PATCH")
                                    : c.methods(),
                    "allowedHeaders", c.headers(),
                    "exposedHeaders", List.of("*"),
                    "maxAgeInSeconds", c.maxAge() == null ? 0 : (int) c.maxAge().toSeconds()));
        }
        return rules;
    }

    private ArmResource storageQueue(String name, Resource.Queue q, Warnings out) {
        if (q.deadLetter() != null) {
            out.warn("queue " + name + ": Storage queues move a message that failed " + q.maxReceiveCount()
                    + " times to " + names.storageQueue(name) + AzureNames.POISON_SUFFIX + ", not to queue "
                    + q.deadLetter());
        }
        return queues.child("queues", names.storageQueue(name)).set("properties", Arm.map());
    }

    private ArmResource serviceBusQueue(ArmTemplate t, String name, Resource.Queue q, Warnings out) {
        ArmResource r = t.add(
                ArmResource.of(SERVICE_BUS + "/queues", names.serviceBus(), ArmValue.text(names.serviceBusEntity(name)))
                        .dependsOn(serviceBus.id()));
        Duration lock = q.visibilityTimeout();
        if (lock.compareTo(MAX_LOCK) > 0) {
            out.warn("queue " + name + ": visibilityTimeout " + Durations.format(lock)
                    + " is a Service Bus lock of at most 5m; the lock is 5m");
            lock = MAX_LOCK;
        }
        r.properties()
                .putAll(Arm.map(
                        "lockDuration", iso(lock),
                        "defaultMessageTimeToLive", iso(q.retention()),
                        "maxDeliveryCount", q.maxReceiveCount(),
                        "deadLetteringOnMessageExpiration", q.deadLetter() != null,
                        "forwardDeadLetteredMessagesTo",
                                q.deadLetter() == null ? null : names.serviceBusEntity(q.deadLetter())));
        if (q.deadLetter() != null)
            r.dependsOn(ArmResource.of(
                            SERVICE_BUS + "/queues",
                            names.serviceBus(),
                            ArmValue.text(names.serviceBusEntity(q.deadLetter())))
                    .id());
        return r;
    }

    private void serviceBus(ArmTemplate t) {
        serviceBus = t.add(common.located(ArmResource.of(SERVICE_BUS, names.serviceBus()))
                .set("sku", Arm.map("name", "Standard", "tier", "Standard")));
        serviceBus
                .properties()
                .putAll(Arm.map(
                        "minimumTlsVersion", "1.2", "disableLocalAuth", true, "publicNetworkAccess", "Enabled"));
        common.tag(serviceBus);
    }

    private void lifecycleRules(ArmTemplate t) {
        List<Object> rules = new ArrayList<>();
        service.resources().forEach((name, r) -> {
            if (r instanceof Resource.Bucket b && b.expireAfterDays() != null) {
                rules.add(Arm.map(
                        "name",
                        "expire-" + names.storageEntity(name),
                        "enabled",
                        true,
                        "type",
                        "Lifecycle",
                        "definition",
                        Arm.map(
                                "filters",
                                        Arm.map(
                                                "blobTypes",
                                                List.of("blockBlob"),
                                                "prefixMatch",
                                                List.of(names.storageEntity(name) + "/")),
                                "actions",
                                        Arm.map(
                                                "baseBlob",
                                                Arm.map(
                                                        "delete",
                                                        Arm.map(
                                                                "daysAfterModificationGreaterThan",
                                                                b.expireAfterDays()))))));
            }
        });
        if (rules.isEmpty()) return;
        t.add(ArmResource.of(STORAGE + "/managementPolicies", names.dataStorage(), ArmValue.text("default"))
                .set("properties", Arm.map("policy", Arm.map("rules", rules)))
                .dependsOn(storage.id()));
    }

    /** ISO 8601 durations as Service Bus takes them: {@code P14D}, {@code PT3M}. */
    static String iso(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
