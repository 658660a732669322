package dev.strato.generator.azure;

import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the app's top-level resources share: the location parameter, the tags (service, stage,
 * managed-by, and the function tags every function agrees on, since Azure resources belong to
 * the app rather than to one function), and how a storage account is locked down.
 */
final class AzureResources {

    private final String location;
    private final Map<String, String> tags = new LinkedHashMap<>();

    AzureResources(Service s, String location) {
        this.location = location;
        tags.put("service", s.name());
        tags.put("stage", s.stage());
        tags.put("managed-by", "strato");
        Map<String, String> shared = null;
        for (Function f : s.functions().values()) {
            if (shared == null) {
                shared = new LinkedHashMap<>(f.tags());
            } else {
                shared.entrySet().removeIf(e -> !Objects.equals(f.tags().get(e.getKey()), e.getValue()));
            }
        }
        if (shared != null) shared.forEach(tags::putIfAbsent);
    }

    /** The location as a JSON value: the template's location parameter. */
    String location() {
        return location;
    }

    ArmResource located(ArmResource r) {
        return r.set("location", location);
    }

    ArmResource tag(ArmResource r) {
        Map<String, String> literal = new LinkedHashMap<>();
        tags.forEach((k, v) -> literal.put(k, Arm.literal(v)));
        return r.set("tags", literal);
    }

    /** A StorageV2 account that takes only Microsoft Entra ID (no shared keys), TLS 1.2 and HTTPS, and no anonymous reads. */
    ArmResource storageAccount(ArmValue name) {
        ArmResource r = located(ArmResource.of(DataResources.STORAGE, name))
                .set("sku", Arm.map("name", "Standard_LRS"))
                .set("kind", "StorageV2");
        r.properties()
                .putAll(Arm.map(
                        "minimumTlsVersion", "TLS1_2",
                        "supportsHttpsTrafficOnly", true,
                        "allowBlobPublicAccess", false,
                        "allowSharedKeyAccess", false,
                        "defaultToOAuthAuthentication", true,
                        "publicNetworkAccess", "Enabled"));
        return tag(r);
    }
}
