package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Environment values as ARM values: text as is, {@code ${ref:RES.ATTR}} as the resource's name
 * (known when the template is written), its {@code resourceId()} or its URL from
 * {@code reference()}, and {@code ${secret:NAME}} as a Key Vault reference. A URL is what the
 * resource's SDK client takes: {@code https://<account>.blob.core.windows.net/<container>},
 * {@code https://<account>.queue.core.windows.net/<queue>},
 * {@code https://<namespace>.servicebus.windows.net/<queue or topic>} (tables have no
 * {@code url} in the model: their SDK takes the account endpoint, database and container name).
 *
 * <p>Handlers that use an SDK also need the accounts' endpoints: {@link #settings} puts them in
 * app settings of stable names ({@code STRATO_COSMOS_ENDPOINT}, ...; docs/AZURE.md) for every kind
 * of resource that a function refers to, has permissions on or is triggered by.
 */
final class ResourceRefs {

    static final String COSMOS_ENDPOINT = "STRATO_COSMOS_ENDPOINT";
    static final String COSMOS_DATABASE = "STRATO_COSMOS_DATABASE";
    static final String BLOB_ENDPOINT = "STRATO_STORAGE_BLOB_ENDPOINT";
    static final String QUEUE_ENDPOINT = "STRATO_STORAGE_QUEUE_ENDPOINT";
    static final String SERVICE_BUS_NAMESPACE = "STRATO_SERVICEBUS_NAMESPACE";

    private final Service service;
    private final DataResources data;
    private final KeyVault vault;

    /** @param vault null when no value is a secret */
    ResourceRefs(Service service, DataResources data, KeyVault vault) {
        this.service = service;
        this.data = data;
        this.vault = vault;
    }

    ArmValue render(Value v, String where) throws GenerationException {
        if (v instanceof Value.Text t) return ArmValue.text(t.text());
        if (v instanceof Value.Ref r) return ref(r);
        if (v instanceof Value.Secret s) return vault.reference(s.name());
        List<ArmValue> parts = new ArrayList<>();
        for (Value p : ((Value.Concat) v).parts()) {
            if (p instanceof Value.Secret s) {
                throw new GenerationException(
                        where + ": ${secret:" + s.name() + "} inside text: an Azure Key Vault reference must be"
                                + " the whole app setting value; put the secret in a variable of its own");
            }
            parts.add(render(p, where));
        }
        return ArmValue.concat(parts);
    }

    /** The endpoint settings of every kind of resource the functions use. */
    void settings(List<Function> functions, AppSettings settings) {
        Set<String> used = new LinkedHashSet<>();
        for (Function f : functions) {
            used.addAll(f.permissions().keySet());
            f.environment().values().forEach(v -> refs(v, used));
            for (Event e : f.events()) {
                if (e instanceof Event.Queue q) used.add(q.queue());
                else if (e instanceof Event.Topic t) used.add(t.topic());
                else if (e instanceof Event.Bucket b) used.add(b.bucket());
                else if (e instanceof Event.Table t) used.add(t.table());
            }
        }
        for (String name : used) {
            Resource r = service.resources().get(name);
            if (r instanceof Resource.Table) {
                settings.put(COSMOS_ENDPOINT, ArmValue.expression(cosmosEndpoint()));
                settings.put(COSMOS_DATABASE, data.cosmosDatabase().leaf());
            } else if (r instanceof Resource.Bucket) {
                settings.put(BLOB_ENDPOINT, ArmValue.expression(storageEndpoint("blob")));
            } else if (r instanceof Resource.Queue && data.storageQueues()) {
                settings.put(QUEUE_ENDPOINT, ArmValue.expression(storageEndpoint("queue")));
            } else if (r instanceof Resource.Queue || r instanceof Resource.Topic) {
                settings.put(SERVICE_BUS_NAMESPACE, ArmValue.expression(serviceBusNamespace(data)));
            }
        }
    }

    /** {@code <namespace>.servicebus.windows.net}: the fully qualified namespace that Service Bus clients and the trigger take. */
    static String serviceBusNamespace(DataResources data) {
        String endpoint = Arm.reference(data.serviceBus().id(), DataResources.SERVICE_BUS) + ".serviceBusEndpoint";
        return Arm.call(
                "replace",
                Arm.call("replace", endpoint, Arm.quote("https://"), Arm.quote("")),
                Arm.quote(":443/"),
                Arm.quote(""));
    }

    private static void refs(Value v, Set<String> into) {
        if (v instanceof Value.Ref r) into.add(r.resource());
        if (v instanceof Value.Concat c) c.parts().forEach(p -> refs(p, into));
    }

    private ArmValue ref(Value.Ref ref) {
        Resource r = service.resources().get(ref.resource());
        ArmResource arm = data.get(ref.resource());
        return switch (ref.attribute()) {
            case "name" -> arm.leaf();
            case "id" -> ArmValue.expression(arm.id());
            default -> ArmValue.expression(url(r, arm));
        };
    }

    private String url(Resource r, ArmResource arm) {
        if ((r instanceof Resource.Queue && !data.storageQueues()) || r instanceof Resource.Topic) {
            return Arm.call(
                    "concat",
                    Arm.quote("https://"),
                    serviceBusNamespace(data),
                    Arm.quote("/"),
                    arm.leaf().inner());
        }
        return Arm.call(
                "concat",
                storageEndpoint(r instanceof Resource.Queue ? "queue" : "blob"),
                arm.leaf().inner());
    }

    private String cosmosEndpoint() {
        return Arm.reference(data.cosmosAccount().id(), DataResources.COSMOS) + ".documentEndpoint";
    }

    /** {@code https://<account>.<kind>.core.windows.net/}, with its final slash. */
    private String storageEndpoint(String kind) {
        return Arm.reference(data.dataStorage().id(), DataResources.STORAGE) + ".primaryEndpoints." + kind;
    }
}
