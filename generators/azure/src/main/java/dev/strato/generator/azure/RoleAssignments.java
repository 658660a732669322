package dev.strato.generator.azure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The roles of the app's system-assigned identity, each scoped to the one resource it is about
 * (a container, a queue, a topic subscription, the vault), collected from every function and
 * written once. The identity belongs to the app, so the app holds the union of what its
 * functions need. Assignment names are {@code guid()}s of scope, app and role: deterministic,
 * and unique in the tenant because resource ids contain the subscription.
 */
final class RoleAssignments {

    private static final String ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";
    private static final String COSMOS_ASSIGNMENTS = "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments";
    private static final String COSMOS_DEFINITIONS = "Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions";

    private record Grant(Role role, ArmResource target, String reason) {}

    private final Map<String, Grant> grants = new LinkedHashMap<>();

    void grant(Role role, ArmResource target, String reason) {
        grants.putIfAbsent(role + " " + target.id(), new Grant(role, target, reason));
    }

    /** @param cosmosAccount the Cosmos DB account resource, null when the service has no tables */
    void addTo(ArmTemplate template, ArmResource site, ArmResource cosmosAccount) {
        String principal = Arm.call("reference", site.id(), Arm.quote(ApiVersions.of(site.type())), Arm.quote("full")) + ".identity.principalId";
        for (Grant g : grants.values()) {
            if (covered(g)) continue;
            String role = template.variable(g.role().variable(), g.role().id());
            String name = Arm.call("guid", g.target().id(), site.id(), role);
            ArmResource r;
            if (g.role().isCosmos()) {
                r = ArmResource.named(COSMOS_ASSIGNMENTS, Arm.expression(Arm.call("format", Arm.quote("{0}/{1}"), cosmosAccount.leaf().inner(), name)));
                r.properties().putAll(Arm.map(
                        "roleDefinitionId", Arm.expression(Arm.call("resourceId", Arm.quote(COSMOS_DEFINITIONS), cosmosAccount.leaf().inner(), role)),
                        "principalId", Arm.expression(principal),
                        "scope", Arm.expression(cosmosScope(g.target(), cosmosAccount))));
            } else {
                r = ArmResource.named(ASSIGNMENTS, Arm.expression(name)).scope(g.target().scopePath());
                r.properties().putAll(Arm.map(
                        "roleDefinitionId", Arm.expression(Arm.call("subscriptionResourceId", Arm.quote("Microsoft.Authorization/roleDefinitions"), role)),
                        "principalId", Arm.expression(principal),
                        "principalType", "ServicePrincipal",
                        "description", "strato: " + g.role().title() + " for " + g.reason()));
            }
            r.dependsOn(g.target().id()).dependsOn(site.id());
            template.add(r);
        }
    }

    private boolean covered(Grant g) {
        return grants.values().stream().anyMatch(o -> o.target().id().equals(g.target().id()) && o.role().covers(g.role()));
    }

    /** {@code <account id>/dbs/<database>/colls/<container>}: the data-plane scope of one container. */
    private static String cosmosScope(ArmResource container, ArmResource account) {
        var s = container.segments();
        return Arm.call("format", Arm.quote("{0}/dbs/{1}/colls/{2}"), account.id(), s.get(1).inner(), s.get(2).inner());
    }
}
