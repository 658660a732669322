package dev.strato.generator.azure;

import dev.strato.generator.naming.ResourceNames;
import dev.strato.model.Names;
import dev.strato.model.Service;
import java.util.Locale;

/**
 * Names of the Azure resources of one service and stage. Names that are global across all of
 * Azure (the function app's host name, storage accounts, Service Bus namespaces, Cosmos DB
 * accounts, key vaults) end in a hash of service, stage and resource group, which depend on no
 * subscription, so that generating twice gives the same names. Names inside an account are the
 * resource's own name in kebab case, within the entity's rules.
 */
final class AzureNames {

    /** The default of the template's {@code packageContainer} parameter. */
    static final String PACKAGE_CONTAINER = "app-package";
    static final String LEASE_CONTAINER = "leases";
    static final String BLOB_POISON_QUEUE = "webjobs-blobtrigger-poison";
    static final String POISON_SUFFIX = "-poison";
    private static final int STORAGE_LENGTH = 24;
    private static final int ENTITY_LENGTH = 63;
    private static final int SUBSCRIPTION_LENGTH = 50;

    private final String service;
    private final String base;
    private final String hash;

    AzureNames(Service s) {
        this.service = s.name();
        this.base = Names.kebab(s.name()) + "-" + Names.kebab(s.stage());
        this.hash = ResourceNames.hash(s.name() + "/" + s.stage() + "/" + resourceGroup(s));
    }

    static String resourceGroup(Service s) {
        String group = s.providers().azure() == null ? null : s.providers().azure().resourceGroup();
        return group != null ? group : s.name() + "-" + s.stage();
    }

    String plan() {
        return ResourceNames.fit("plan-" + base, 40);
    }

    String functionApp() {
        return hashed("func-" + base, 60);
    }

    String workspace() {
        return ResourceNames.fit("log-" + base, 63);
    }

    String insights() {
        return ResourceNames.fit("appi-" + base, 255);
    }

    /** The storage account of the Functions host and the deployment package. */
    String hostStorage() {
        return storage("st");
    }

    /** The storage account of the service's buckets and Storage queues, apart from the host's so that roles on it mean only data. */
    String dataStorage() {
        return storage("sd");
    }

    String serviceBus() {
        return hashed("sb-" + base, 50);
    }

    String cosmos() {
        return hashed("cosmos-" + base, 44);
    }

    /** Key Vault names allow no two hyphens in a row. */
    String keyVault() {
        return hashed("kv-" + base.replaceAll("-{2,}", "-"), 24);
    }

    String eventGridTopic() {
        return ResourceNames.fit("evgt-" + base + "-data", 128);
    }

    /** The Cosmos DB database that holds the service's tables. */
    String database() {
        return service;
    }

    /** Blob containers and Storage queues: 3 to 63 lowercase letters, digits and single hyphens. */
    String storageEntity(String resource) {
        String kebab = Names.kebab(resource);
        if (kebab.length() < 3) kebab = kebab + "-" + ResourceNames.hash(kebab).substring(0, 3);
        return ResourceNames.fit(kebab, ENTITY_LENGTH);
    }

    /** A Storage queue: a storage entity short enough that its poison queue, {@code <name>-poison}, is one too. */
    String storageQueue(String resource) {
        return ResourceNames.fit(storageEntity(resource), ENTITY_LENGTH - POISON_SUFFIX.length());
    }

    String serviceBusEntity(String resource) {
        return ResourceNames.fit(Names.kebab(resource), 260);
    }

    String subscription(String function) {
        return ResourceNames.fit(Names.kebab(function), SUBSCRIPTION_LENGTH);
    }

    String eventSubscription(String function) {
        return ResourceNames.fit(Names.kebab(function), 64);
    }

    /** {@code readable-<hash>}, the readable part cut so that the whole fits {@code max}. */
    private String hashed(String readable, int max) {
        String head = readable.length() > max - hash.length() - 1 ? readable.substring(0, max - hash.length() - 1) : readable;
        while (head.endsWith("-")) head = head.substring(0, head.length() - 1);
        return head + "-" + hash;
    }

    /** {@code <prefix><service><stage><hash>} in lowercase letters and digits, at most 24. */
    private String storage(String prefix) {
        String alnum = base.replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);
        int room = STORAGE_LENGTH - prefix.length() - hash.length();
        return prefix + (alnum.length() > room ? alnum.substring(0, room) : alnum) + hash;
    }
}
