package dev.strato.generator.azure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles of the app's system-assigned identity, each scoped to the one resource it is about
 * (a container, a queue, a topic subscription, the vault), collected from every function and
 * written once. The identity belongs to the app, so the app holds the union of what its
 * functions need.
 *
 * <p>Assignment names are {@code guid()}s of scope, principal id and role, as Microsoft advises
 * (bicep/scenarios-rbac#name): an app deleted and created again has a new principal, and an
 * assignment of the same name for another principal cannot be updated
 * (RoleAssignmentUpdateNotPermitted). A resource's name must be known when the deployment
 * starts, and the principal id is not, so the assignments are a nested deployment (what a Bicep
 * module compiles to) that takes the principal id as a parameter once the site exists. Cosmos DB
 * data-plane assignments of one account are applied one after the other (each depends on the
 * one before): the account refuses concurrent ones with 412.
 */
final class RoleAssignments {

    private static final String ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";
    private static final String COSMOS_ASSIGNMENTS = "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments";
    private static final String COSMOS_DEFINITIONS = "Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions";
    static final String DEPLOYMENTS = "Microsoft.Resources/deployments";
    static final String PRINCIPAL_PARAMETER = "principalId";
    private static final Pattern PARAMETER = Pattern.compile("parameters\\('([A-Za-z0-9]+)'\\)");
    private static final Pattern VARIABLE = Pattern.compile("variables\\('([A-Za-z0-9]+)'\\)");

    private record Grant(Role role, ArmResource target, String reason) {}

    private final Map<String, Grant> grants = new LinkedHashMap<>();

    void grant(Role role, ArmResource target, String reason) {
        grants.putIfAbsent(role + " " + target.id(), new Grant(role, target, reason));
    }

    /** @param cosmosAccount the Cosmos DB account resource, null when the service has no tables */
    void addTo(ArmTemplate template, ArmResource site, ArmResource cosmosAccount) {
        ArmTemplate inner = new ArmTemplate("role assignments of the app's system-assigned identity (strato)");
        String principal = inner.parameter(
                PRINCIPAL_PARAMETER, "string", null, "principalId of the function app's system-assigned identity");
        ArmResource deployment = ArmResource.of(
                        DEPLOYMENTS,
                        ArmValue.concat(List.of(ArmValue.expression(site.leaf().inner()), ArmValue.text("-roles"))))
                .dependsOn(site.id());
        String previousCosmos = null;
        for (Grant g : grants.values()) {
            if (covered(g)) continue;
            String role = inner.variable(g.role().variable(), g.role().id());
            String name = Arm.call("guid", g.target().id(), principal, role);
            ArmResource r;
            if (g.role().isCosmos()) {
                r = ArmResource.of(COSMOS_ASSIGNMENTS, cosmosAccount.leaf(), ArmValue.expression(name));
                r.properties()
                        .putAll(Arm.map(
                                "roleDefinitionId",
                                        Arm.expression(Arm.call(
                                                "resourceId",
                                                Arm.quote(COSMOS_DEFINITIONS),
                                                cosmosAccount.leaf().inner(),
                                                role)),
                                "principalId", Arm.expression(principal),
                                "scope", Arm.expression(cosmosScope(g.target(), cosmosAccount))));
                if (previousCosmos != null) r.dependsOn(previousCosmos);
                previousCosmos = r.id();
                if (g.role() == Role.COSMOS_METADATA_READER)
                    deployment.dependsOn(metadataReader(template, cosmosAccount).id());
            } else {
                r = ArmResource.named(ASSIGNMENTS, Arm.expression(name))
                        .scope(g.target().scopePath());
                r.properties()
                        .putAll(Arm.map(
                                "roleDefinitionId",
                                Arm.expression(Arm.call(
                                        "subscriptionResourceId",
                                        Arm.quote("Microsoft.Authorization/roleDefinitions"),
                                        role)),
                                "principalId",
                                Arm.expression(principal),
                                "principalType",
                                "ServicePrincipal",
                                "description",
                                "strato: " + g.role().title() + " for " + g.reason()));
            }
            deployment.dependsOn(g.target().id());
            inner.add(r);
        }
        if (inner.resourceCount() == 0) return;
        Map<String, Object> innerTree = inner.tree();
        String text = Json.compact(innerTree);
        // the inner template sees only what it is given: the outer variables and parameters its names use
        Matcher v = VARIABLE.matcher(text);
        while (v.find()) {
            Object value = template.variableValue(v.group(1));
            if (value != null) inner.variable(v.group(1), value);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(
                PRINCIPAL_PARAMETER,
                Arm.map(
                        "value",
                        Arm.expression(Arm.call(
                                        "reference",
                                        site.id(),
                                        Arm.quote(ApiVersions.of(site.type())),
                                        Arm.quote("full"))
                                + ".identity.principalId")));
        Matcher p = PARAMETER.matcher(text + Json.compact(inner.tree()));
        while (p.find()) {
            String name = p.group(1);
            if (name.equals(PRINCIPAL_PARAMETER) || values.containsKey(name)) continue;
            inner.parameter(name, template.parameterType(name), null, template.parameterDescription(name));
            values.put(name, Arm.map("value", Arm.expression(Arm.parameter(name))));
        }
        deployment
                .properties()
                .putAll(Arm.map(
                        "mode",
                        "Incremental",
                        "expressionEvaluationOptions",
                        Arm.map("scope", "inner"),
                        "parameters",
                        values,
                        "template",
                        inner.tree()));
        template.add(deployment);
    }

    /**
     * The custom Cosmos DB role that allows {@code readMetadata} only: the change feed trigger
     * reads the database's metadata (cosmos-db/nosql/security/how-to-grant-data-plane-role-based-access),
     * and Data Reader on the database would let it read every container. Made once per template.
     */
    private ArmResource metadataReader(ArmTemplate template, ArmResource account) {
        if (metadataReader == null) {
            metadataReader = ArmResource.of(
                            COSMOS_DEFINITIONS, account.leaf(), ArmValue.text(Role.COSMOS_METADATA_READER.id()))
                    .dependsOn(account.id());
            metadataReader
                    .properties()
                    .putAll(Arm.map(
                            "roleName",
                            "strato Cosmos DB Metadata Reader",
                            "type",
                            "CustomRole",
                            "assignableScopes",
                            List.of(Arm.expression(account.id())),
                            "permissions",
                            List.of(Arm.map(
                                    "dataActions", List.of("Microsoft.DocumentDB/databaseAccounts/readMetadata")))));
            template.add(metadataReader);
        }
        return metadataReader;
    }

    private ArmResource metadataReader;

    private boolean covered(Grant g) {
        return grants.values().stream()
                .anyMatch(
                        o -> o.target().id().equals(g.target().id()) && o.role().covers(g.role()));
    }

    /** {@code <account id>/dbs/<database>[/colls/<container>]}: the data-plane scope of one database or container. */
    private static String cosmosScope(ArmResource target, ArmResource account) {
        var s = target.segments();
        if (s.size() == 2)
            return Arm.call(
                    "format", Arm.quote("{0}/dbs/{1}"), account.id(), s.get(1).inner());
        return Arm.call(
                "format",
                Arm.quote("{0}/dbs/{1}/colls/{2}"),
                account.id(),
                s.get(1).inner(),
                s.get(2).inner());
    }
}
