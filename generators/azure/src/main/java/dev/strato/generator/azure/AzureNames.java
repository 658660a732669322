package dev.strato.generator.azure;

import dev.strato.generator.naming.ResourceNames;
import dev.strato.model.service.Service;
import dev.strato.model.support.Names;
import java.util.Locale;

/**
 * Names of the Azure resources of one service and stage. Names that are global across all of
 * Azure (the function app's host name, storage accounts, Service Bus namespaces, Cosmos DB
 * accounts, key vaults) are a readable part and the template's {@code nameSuffix} parameter,
 * whose default is {@code uniqueString()} of subscription, resource group, service and stage
 * (template-functions-string#uniquestring): everyone who deploys the same example to their own
 * subscription or resource group gets names of their own, and one resource group keeps its
 * names on every deployment. They are template variables, so the template spells each once.
 * Names inside an account are the resource's own name in kebab case, within the entity's rules.
 */
final class AzureNames {

    /** The default of the template's {@code packageContainer} parameter. */
    static final String PACKAGE_CONTAINER = "app-package";

    static final String LEASE_CONTAINER = "leases";
    static final String BLOB_POISON_QUEUE = "webjobs-blobtrigger-poison";
    static final String POISON_SUFFIX = "-poison";
    static final String SUFFIX_PARAMETER = "nameSuffix";
    /** uniqueString() returns 13 characters, lowercase letters and digits. */
    static final int SUFFIX_LENGTH = 13;
    /** Sites take 60; 58 leaves room for the role deployment's name, {@code <app>-roles}, within a deployment name's 64. */
    private static final int FUNCTION_APP_LENGTH = 58;

    private static final int STORAGE_LENGTH = 24;
    private static final int ENTITY_LENGTH = 63;
    private static final int SUBSCRIPTION_LENGTH = 50;

    private final String service;
    private final String base;
    private final ArmTemplate template;

    /** @param template where the suffix parameter and the name variables go; null to ask only for the readable parts */
    AzureNames(Service s, ArmTemplate template) {
        this.service = s.name();
        this.base = Names.kebab(s.name()) + "-" + Names.kebab(s.stage());
        this.template = template;
        if (template != null) {
            template.parameter(
                    SUFFIX_PARAMETER,
                    "string",
                    Arm.expression(Arm.call(
                            "uniqueString",
                            "subscription().id",
                            "resourceGroup().id",
                            Arm.quote(s.name()),
                            Arm.quote(s.stage()))),
                    "Ends the globally unique names (storage accounts, function app, Service Bus,"
                            + " Cosmos DB, Key Vault): 1 to 13 lowercase letters or digits; the default is unique per subscription, resource group,"
                            + " service and stage");
            template.constrain(SUFFIX_PARAMETER, "minLength", 1);
            template.constrain(SUFFIX_PARAMETER, "maxLength", SUFFIX_LENGTH);
        }
    }

    AzureNames(Service s) {
        this(s, null);
    }

    static String resourceGroup(Service s) {
        String group =
                s.providers().azure() == null ? null : s.providers().azure().resourceGroup();
        return group != null ? group : s.name() + "-" + s.stage();
    }

    String plan() {
        return ResourceNames.fit("plan-" + base, 40);
    }

    ArmValue functionApp() {
        return global("functionAppName", readable("func-" + base, FUNCTION_APP_LENGTH));
    }

    String workspace() {
        return ResourceNames.fit("log-" + base, 63);
    }

    String insights() {
        return ResourceNames.fit("appi-" + base, 255);
    }

    /** The storage account of the Functions host and the deployment package. */
    ArmValue hostStorage() {
        return global("hostStorageName", storage("st"));
    }

    /** The storage account of the service's buckets and Storage queues, apart from the host's so that roles on it mean only data. */
    ArmValue dataStorage() {
        return global("dataStorageName", storage("sd"));
    }

    ArmValue serviceBus() {
        return global("serviceBusName", readable("sb-" + base, 50));
    }

    ArmValue cosmos() {
        return global("cosmosName", readable("cosmos-" + base, 44));
    }

    /**
     * The default of the {@code keyVaultName} parameter, as an expression: Key Vault names allow
     * no two hyphens in a row.
     */
    String keyVault() {
        return withSuffix(readable("kv-" + base.replaceAll("-{2,}", "-"), 24));
    }

    /** The readable parts of the global names, by variable: what the suffix is appended to. */
    java.util.Map<String, String> readableParts() {
        return java.util.Map.of(
                "functionAppName",
                readable("func-" + base, FUNCTION_APP_LENGTH),
                "hostStorageName",
                storage("st"),
                "dataStorageName",
                storage("sd"),
                "serviceBusName",
                readable("sb-" + base, 50),
                "cosmosName",
                readable("cosmos-" + base, 44),
                "keyVaultName",
                readable("kv-" + base.replaceAll("-{2,}", "-"), 24));
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

    /** The name variable, declared on first use: {@code concat('<readable>', parameters('nameSuffix'))}. */
    private ArmValue global(String variable, String readable) {
        if (template == null) throw new IllegalStateException("no template to declare " + variable + " in");
        return ArmValue.expression(template.variable(variable, Arm.expression(withSuffix(readable))));
    }

    private static String withSuffix(String readable) {
        return Arm.call("concat", Arm.quote(readable), Arm.parameter(SUFFIX_PARAMETER));
    }

    /** {@code readable-}, cut so that it and the longest suffix fit {@code max}. */
    private static String readable(String readable, int max) {
        String head =
                readable.length() > max - SUFFIX_LENGTH - 1 ? readable.substring(0, max - SUFFIX_LENGTH - 1) : readable;
        while (head.endsWith("-")) head = head.substring(0, head.length() - 1);
        return head + "-";
    }

    /** {@code <prefix><service><stage>} in lowercase letters and digits, with room for the longest suffix in 24. */
    private String storage(String prefix) {
        String alnum = base.replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);
        int room = STORAGE_LENGTH - prefix.length() - SUFFIX_LENGTH;
        return prefix + (alnum.length() > room ? alnum.substring(0, room) : alnum);
    }
}
