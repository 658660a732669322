package dev.strato.generator.azure;

import java.util.List;
import java.util.Map;

/**
 * The app's own resources: the host's storage account with the deployment container, Log
 * Analytics and Application Insights (local auth off: the app sends telemetry with its
 * identity), the plan, and the site: {@code functionapp,linux}, system-assigned identity, HTTPS
 * only, TLS 1.2, basic publishing credentials off (FTPS off too, except on Flex, which rejects
 * {@code ftpsState}), host storage by identity ({@code AzureWebJobsStorage__accountName}).
 * Flex Consumption gets its runtime and deployment container in {@code functionAppConfig}; the
 * other plans run from the package blob URL, read with the identity, and so need no Azure Files
 * share and no account key.
 */
final class FunctionApp {

    static final String SERVERFARMS = "Microsoft.Web/serverfarms";
    static final String INSIGHTS = "Microsoft.Insights/components";
    static final String WORKSPACES = "Microsoft.OperationalInsights/workspaces";
    static final String PACKAGE_BLOB = "app.zip";
    static final String PACKAGE_PARAMETER = "packageContainer";
    /** Log Analytics keeps data 30 to 730 days (limits.tsv, logRetentionDays). */
    static final int MIN_RETENTION = 30;

    static final int MAX_RETENTION = 730;

    private final AzureApp app;
    private final AzureRuntime runtime;
    private ArmResource hostStorage;
    private ArmResource packageContainer;
    private ArmResource insights;
    private ArmResource plan;

    FunctionApp(AzureApp app, AzureRuntime runtime) {
        this.app = app;
        this.runtime = runtime;
    }

    /** Host storage, monitoring and plan: what exists before any function. */
    void addInfrastructure(int retentionDays) {
        AzureNames names = app.names();
        hostStorage = app.template().add(app.common().storageAccount(names.hostStorage()));
        ArmResource blobs = app.template()
                .add(ArmResource.of(
                                DataResources.STORAGE + "/blobServices", names.hostStorage(), ArmValue.text("default"))
                        .set("properties", Arm.map())
                        .dependsOn(hostStorage.id()));
        String container = app.template()
                .parameter(
                        PACKAGE_PARAMETER,
                        "string",
                        AzureNames.PACKAGE_CONTAINER,
                        "Blob container of the host storage account that deploy puts app.zip in");
        packageContainer = blobs.child("containers", ArmValue.expression(container))
                .set("properties", Arm.map("publicAccess", "None"));
        ArmResource workspace = app.template().add(app.common().located(ArmResource.of(WORKSPACES, names.workspace())));
        workspace
                .properties()
                .putAll(Arm.map(
                        "sku",
                        Arm.map("name", "PerGB2018"),
                        "retentionInDays",
                        Math.max(MIN_RETENTION, Math.min(MAX_RETENTION, retentionDays))));
        app.common().tag(workspace);
        insights = app.template()
                .add(app.common()
                        .located(ArmResource.of(INSIGHTS, names.insights()))
                        .set("kind", "web"));
        insights.properties()
                .putAll(Arm.map(
                        "Application_Type",
                        "web",
                        "WorkspaceResourceId",
                        Arm.expression(workspace.id()),
                        "IngestionMode",
                        "LogAnalytics",
                        "DisableLocalAuth",
                        true));
        app.common().tag(insights).dependsOn(workspace.id());
        plan = app.template()
                .add(app.common()
                        .located(ArmResource.of(SERVERFARMS, names.plan()))
                        .set("kind", app.plan().serverfarmKind())
                        .set("sku", app.plan().sku())
                        .set("properties", app.plan().serverfarmProperties()));
        app.common().tag(plan);
        hostSettings();
    }

    /** Settings that come before the triggers' connections and the functions' environment. */
    private void hostSettings() {
        AppSettings s = app.settings();
        if (!app.plan().isFlex()) {
            s.put("FUNCTIONS_EXTENSION_VERSION", "~4");
            s.put("FUNCTIONS_WORKER_RUNTIME", runtime.worker());
            s.put(
                    "WEBSITE_RUN_FROM_PACKAGE",
                    ArmValue.expression(Arm.call(
                            "concat",
                            blobEndpoint(),
                            Arm.parameter(PACKAGE_PARAMETER),
                            Arm.quote("/" + PACKAGE_BLOB))));
            s.put("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", "SystemAssigned");
        }
        s.put("AzureWebJobsStorage__accountName", app.names().hostStorage());
        s.put(
                "APPLICATIONINSIGHTS_CONNECTION_STRING",
                ArmValue.expression(Arm.reference(insights.id(), INSIGHTS) + ".ConnectionString"));
        s.put("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD");
    }

    /**
     * The site, once every setting is known.
     *
     * @param dependencies ids of the resources its settings refer to
     */
    ArmResource addSite(Map<String, Object> cors, Map<String, Object> authentication, List<String> dependencies) {
        ArmResource site = app.common()
                .located(ArmResource.of(AzureApp.SITES, app.names().functionApp()))
                .set("kind", "functionapp,linux")
                .set("identity", Arm.map("type", "SystemAssigned"));
        site.properties()
                .putAll(Arm.map(
                        "serverFarmId",
                        Arm.expression(plan.id()),
                        "reserved",
                        true,
                        "httpsOnly",
                        true,
                        "publicNetworkAccess",
                        "Enabled",
                        "functionAppConfig",
                        app.plan().isFlex() ? flexConfig() : null,
                        "siteConfig",
                        Arm.map(
                                "linuxFxVersion",
                                app.plan().isFlex() ? null : runtime.linuxFxVersion(),
                                "minTlsVersion",
                                "1.2",
                                "scmMinTlsVersion",
                                "1.2",
                                "ftpsState",
                                app.plan().isFlex() ? null : "Disabled",
                                "http20Enabled",
                                true,
                                "cors",
                                cors,
                                "appSettings",
                                app.settings().tree())));
        app.common().tag(site);
        site.dependsOn(plan.id()).dependsOn(packageContainer.id()).dependsOn(insights.id());
        dependencies.forEach(site::dependsOn);
        if (authentication != null)
            site.child("config", "authsettingsV2")
                    .set("properties", authentication)
                    .dependsOn(site.id());
        // Flex rejects siteConfig.ftpsState; on every plan basic (user name and password) publishing is off, for FTP
        // and for
        // the scm site alike, so that deployments authenticate with Microsoft Entra ID only
        for (String endpoint : List.of("ftp", "scm")) {
            site.child("basicPublishingCredentialsPolicies", endpoint)
                    .set("properties", Arm.map("allow", false))
                    .dependsOn(site.id());
        }
        app.template().add(site);
        app.grants()
                .grant(
                        Role.STORAGE_BLOB_DATA_OWNER,
                        hostStorage,
                        "the Functions host (AzureWebJobsStorage) and the package");
        app.grants()
                .grant(Role.STORAGE_QUEUE_DATA_CONTRIBUTOR, hostStorage, "the Functions host (AzureWebJobsStorage)");
        app.grants()
                .grant(
                        Role.STORAGE_TABLE_DATA_CONTRIBUTOR,
                        hostStorage,
                        "the Functions host's diagnostic events (AzureWebJobsStorage)");
        app.grants().grant(Role.MONITORING_METRICS_PUBLISHER, insights, "telemetry without instrumentation keys");
        return site;
    }

    private Map<String, Object> flexConfig() {
        return Arm.map(
                "deployment",
                        Arm.map(
                                "storage",
                                Arm.map(
                                        "type", "blobContainer",
                                        "value",
                                                Arm.expression(Arm.call(
                                                        "concat", blobEndpoint(), Arm.parameter(PACKAGE_PARAMETER))),
                                        "authentication", Arm.map("type", "SystemAssignedIdentity"))),
                "runtime", Arm.map("name", runtime.worker(), "version", runtime.version()),
                "scaleAndConcurrency",
                        Arm.map(
                                "maximumInstanceCount",
                                HostingPlan.FLEX_MAXIMUM_INSTANCES,
                                "instanceMemoryMB",
                                app.plan().flexInstanceMemoryMb()));
    }

    private String blobEndpoint() {
        return Arm.reference(hostStorage.id(), DataResources.STORAGE) + ".primaryEndpoints.blob";
    }

    ArmResource hostStorage() {
        return hostStorage;
    }
}
