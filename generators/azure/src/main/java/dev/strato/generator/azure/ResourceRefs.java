package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.Resource;
import dev.strato.model.Service;
import dev.strato.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment values as ARM values: text as is, {@code ${ref:RES.ATTR}} as the resource's name
 * (known when the template is written), its {@code resourceId()} or its endpoint from
 * {@code reference()}, and {@code ${secret:NAME}} as a Key Vault reference.
 */
final class ResourceRefs {

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
                throw new GenerationException(where + ": ${secret:" + s.name() + "} inside text: an Azure Key Vault reference must be"
                        + " the whole app setting value; put the secret in a variable of its own");
            }
            parts.add(render(p, where));
        }
        return ArmValue.concat(parts);
    }

    private ArmValue ref(Value.Ref ref) {
        Resource r = service.resources().get(ref.resource());
        ArmResource arm = data.get(ref.resource());
        return switch (ref.attribute()) {
            case "name" -> arm.leaf();
            case "id" -> ArmValue.expression(arm.id());
            default -> ArmValue.expression(Arm.call("concat", endpoint(r), arm.leaf().inner()));
        };
    }

    /** The base URL that a bucket's or queue's name is appended to. */
    private String endpoint(Resource r) {
        if (r instanceof Resource.Queue && !data.storageQueues()) {
            return Arm.reference(data.serviceBus().id(), DataResources.SERVICE_BUS) + ".serviceBusEndpoint";
        }
        String kind = r instanceof Resource.Queue ? "queue" : "blob";
        return Arm.reference(data.dataStorage().id(), DataResources.STORAGE) + ".primaryEndpoints." + kind;
    }
}
