package dev.strato.generator.azure;

import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.util.List;

/**
 * The vault of the service's secrets, in RBAC mode: strato writes only references
 * ({@code @Microsoft.KeyVault(SecretUri=...)}, app-service-key-vault-references) and the app
 * reads the secret with its identity; deploy or the operator puts the values in.
 */
final class KeyVault {

    static final String TYPE = "Microsoft.KeyVault/vaults";
    static final String PARAMETER = "keyVaultName";
    private final ArmResource vault;

    KeyVault(ArmTemplate t, AzureResources common, AzureNames names) {
        String name = t.parameter(
                PARAMETER,
                "string",
                Arm.expression(names.keyVault()),
                "Key Vault that holds the secrets the app settings refer to");
        vault = t.add(common.located(ArmResource.of(TYPE, ArmValue.expression(name))));
        vault.properties()
                .putAll(Arm.map(
                        "tenantId",
                        Arm.expression("subscription().tenantId"),
                        "sku",
                        Arm.map("family", "A", "name", "standard"),
                        "enableRbacAuthorization",
                        true,
                        "enableSoftDelete",
                        true,
                        "softDeleteRetentionInDays",
                        90,
                        "publicNetworkAccess",
                        "Enabled"));
        common.tag(vault);
    }

    static boolean needed(Service s) {
        return s.functions().values().stream()
                .flatMap(f -> f.environment().values().stream())
                .flatMap(v -> v instanceof Value.Concat c ? c.parts().stream() : List.of(v).stream())
                .anyMatch(Value.Secret.class::isInstance);
    }

    ArmResource resource() {
        return vault;
    }

    /** The app setting value that makes App Service read the secret's latest version. */
    ArmValue reference(String secret) {
        return ArmValue.expression(Arm.call(
                "format",
                Arm.quote("@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)"),
                Arm.reference(vault.id(), TYPE) + ".vaultUri",
                Arm.quote(secret)));
    }
}
