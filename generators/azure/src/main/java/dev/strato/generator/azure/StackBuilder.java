package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.ServiceDescription;
import dev.strato.generator.Warnings;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import dev.strato.model.support.Dependencies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Puts a deployment together in a fixed order: host storage, monitoring and plan; the
 * service's resources; the key vault; each function's trigger; the environment and
 * permissions; the site; its role assignments; Event Grid; outputs.
 */
final class StackBuilder {

    /**
     * The template, host.json and each Azure function's function.json, as data trees, and what
     * writing them takes.
     *
     * @param body the template as it is written
     * @param packageFiles the project files in the app package
     */
    record Stack(
            Map<String, Object> template,
            int resourceCount,
            byte[] body,
            Map<String, Object> hostJson,
            Map<String, Map<String, Object>> functions,
            Map<String, byte[]> adapterFiles,
            List<String> packageFiles) {}

    private final Service service;
    private final Warnings out;
    private final EntryModules adapter;

    StackBuilder(Service service, Warnings out, EntryModules adapter) {
        this.service = service;
        this.out = out;
        this.adapter = adapter;
    }

    /**
     * @param packageFiles the paths in the app package, where entry points are looked up
     * @param unvendored declared dependencies the package does not hold: refused where no remote build runs
     */
    Stack build(List<String> packageFiles, List<Dependencies.Declared> unvendored) throws GenerationException {
        List<AzureFunction> functions = AzureFunction.of(service, out);
        List<Function> deployed =
                functions.stream().map(AzureFunction::source).distinct().toList();
        HostingPlan plan = HostingPlan.of(service);
        if (!unvendored.isEmpty() && !plan.isFlex())
            throw new GenerationException(
                    Dependencies.explain(unvendored, plan.plan().id()));
        AzureRuntime runtime = AzureRuntime.of(runtimeOf(deployed), plan.plan());
        ArmTemplate template = new ArmTemplate(ServiceDescription.of(service));
        String location = template.parameter(
                "location", "string", service.providers().azure().location(), "Azure region of every resource");
        AzureNames names = new AzureNames(service, template);
        AzureResources common = new AzureResources(service, Arm.expression(location));
        DataResources data = new DataResources(service, names, common);
        HostJson host = new HostJson(runtime);
        AzureApp app =
                new AzureApp(names, template, common, data, new RoleAssignments(), new AppSettings(), host, plan, out);

        FunctionApp functionApp = new FunctionApp(app, runtime);
        functionApp.addInfrastructure(
                deployed.stream().mapToInt(Function::logRetentionDays).max().orElse(FunctionApp.MIN_RETENTION));
        data.addTo(template, out);
        KeyVault vault = KeyVault.needed(service) ? new KeyVault(template, common, names) : null;

        Triggers triggers = new Triggers(service, app);
        String timeZone = triggers.timeZone();
        if (timeZone != null) app.settings().put("WEBSITE_TIME_ZONE", timeZone);
        if (runtime.isCustomHandler()) host.customHandler(executable(deployed));
        EntryPoints entryPoints = new EntryPoints(packageFiles);
        Map<String, Map<String, Object>> functionJsons = new LinkedHashMap<>();
        for (AzureFunction af : functions) {
            boolean portable = adapter.portable(af);
            Map<String, Object> json =
                    triggers.functionJson(af, portable ? adapter.entryPoint(af) : entryPoints.of(af.source()));
            if (portable) adapter.add(af, json);
            functionJsons.put(af.name(), json);
        }
        deployed.forEach(host::function);

        ResourceRefs references = new ResourceRefs(service, data, vault);
        references.settings(deployed, app.settings());
        for (Function f : deployed) {
            for (Map.Entry<String, Value> e : f.environment().entrySet()) {
                String where = "functions." + f.name() + ".environment." + e.getKey();
                app.settings().environment(e.getKey(), references.render(e.getValue(), where), f.name());
            }
        }
        Permissions.grant(service, deployed, data, app.grants());

        WebAccess web = new WebAccess(functions, out);
        List<String> dependencies = Stream.of(
                        data.cosmosAccount(),
                        data.dataStorage(),
                        data.serviceBus(),
                        vault == null ? null : vault.resource())
                .filter(Objects::nonNull)
                .map(ArmResource::id)
                .toList();
        ArmResource site = functionApp.addSite(web.cors(), web.authentication(), dependencies);
        if (vault != null)
            app.grants()
                    .grant(
                            Role.KEY_VAULT_SECRETS_USER,
                            vault.resource(),
                            "the Key Vault references of the app settings");
        app.grants().addTo(template, site, data.cosmosAccount());
        triggers.eventGrid().forEach(template::add);
        outputs(app, site, functions, functionApp, vault);
        // Flex builds remotely when asked: deploy asks when the package lacks what package.json or requirements.txt
        // declares
        template.output("remoteBuild", "bool", !unvendored.isEmpty());
        Map<String, Object> tree = template.tree();
        return new Stack(
                tree,
                template.resourceCount(),
                Json.pretty(tree),
                host.tree(),
                functionJsons,
                adapter.files(),
                packageFiles);
    }

    /** One app runs one language worker (FUNCTIONS_WORKER_RUNTIME), so all its functions share a runtime. */
    private static Runtime runtimeOf(List<Function> functions) throws GenerationException {
        List<Runtime> runtimes =
                functions.stream().map(Function::runtime).distinct().toList();
        if (runtimes.size() > 1) {
            throw new GenerationException("functions use runtimes "
                    + String.join(", ", runtimes.stream().map(Runtime::id).toList())
                    + ": an Azure function app runs one language worker, so every function needs the same runtime");
        }
        if (runtimes.isEmpty())
            throw new GenerationException("no function has an event: an Azure function app needs at least one trigger");
        return runtimes.get(0);
    }

    /** A custom handler is one executable that serves every function. */
    private static String executable(List<Function> functions) throws GenerationException {
        List<String> handlers =
                functions.stream().map(Function::handler).distinct().toList();
        if (handlers.size() > 1) {
            throw new GenerationException("Go functions name executables " + String.join(", ", handlers)
                    + ": an Azure custom handler is one executable that serves every function");
        }
        return handlers.get(0);
    }

    private void outputs(
            AzureApp app, ArmResource site, List<AzureFunction> functions, FunctionApp functionApp, KeyVault vault) {
        ArmTemplate t = app.template();
        String host = Arm.reference(site.id(), AzureApp.SITES) + ".defaultHostName";
        t.output("functionAppName", "string", app.names().functionApp().json());
        t.output("functionAppUrl", "string", Arm.expression(Arm.call("concat", Arm.quote("https://"), host)));
        t.output(
                "storageAccountName", "string", functionApp.hostStorage().leaf().json());
        t.output("packageContainer", "string", Arm.expression(Arm.parameter(FunctionApp.PACKAGE_PARAMETER)));
        if (vault != null) t.output("keyVaultName", "string", Arm.expression(Arm.parameter(KeyVault.PARAMETER)));
        t.output("nameSuffix", "string", Arm.expression(Arm.parameter(AzureNames.SUFFIX_PARAMETER)));
        // the data accounts, which remove keeps unless --include-data
        if (app.data().dataStorage() != null)
            t.output(
                    "dataStorageAccountName",
                    "string",
                    app.data().dataStorage().leaf().json());
        if (app.data().cosmosAccount() != null)
            t.output(
                    "cosmosAccountName",
                    "string",
                    app.data().cosmosAccount().leaf().json());
        if (app.data().serviceBus() != null)
            t.output(
                    "serviceBusNamespaceName",
                    "string",
                    app.data().serviceBus().leaf().json());
        Map<String, Object> urls = new LinkedHashMap<>();
        for (AzureFunction af : functions) {
            if (af.event() instanceof Event.Http h) {
                urls.put(
                        af.name(),
                        Arm.expression(Arm.call("concat", Arm.quote("https://"), host, Arm.quote(h.path()))));
            }
        }
        if (!urls.isEmpty()) t.output("httpUrls", "object", urls);
        Map<String, Object> resources = new LinkedHashMap<>();
        for (Map.Entry<String, Resource> e : service.resources().entrySet()) {
            ArmResource r = app.data().get(e.getKey());
            resources.put(
                    e.getKey(),
                    Arm.map("type", e.getValue().type(), "name", r.leaf().text(), "id", Arm.expression(r.id())));
        }
        if (!resources.isEmpty()) t.output("resources", "object", resources);
    }
}
