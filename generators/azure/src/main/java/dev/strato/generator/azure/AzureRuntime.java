package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Runtime;
import java.util.Map;

/**
 * The Functions worker of a runtime: {@code FUNCTIONS_WORKER_RUNTIME} and version (from the
 * runtime table's native id, {@code node:22}), the Linux stack of Consumption and Premium apps,
 * and the plans that offer it.
 */
record AzureRuntime(Runtime runtime, String worker, String version) {

    static final String CUSTOM = "custom";
    static final String DOTNET_ISOLATED = "dotnet-isolated";

    private static final Map<String, String> LINUX_STACKS =
            Map.of("node", "Node", "python", "Python", "java", "Java", DOTNET_ISOLATED, "DOTNET-ISOLATED");

    static AzureRuntime of(Runtime runtime, AzurePlan plan) throws GenerationException {
        var entry = RuntimeSupport.find(runtime, Provider.AZURE)
                .orElseThrow(() -> new GenerationException("runtime " + runtime + " is not available on azure"));
        if (!entry.offeredOn(plan.id())) {
            throw new GenerationException("runtime " + runtime + " (" + entry.nativeId() + ") is not offered on the "
                    + plan + " plan, which gets no new language versions; use plan flex or premium (" + entry.source()
                    + ")");
        }
        String[] id = entry.nativeId().split(":", 2);
        return new AzureRuntime(runtime, id[0], id[1]);
    }

    /** {@code siteConfig.linuxFxVersion} outside Flex Consumption; custom handlers have none. */
    String linuxFxVersion() {
        String stack = LINUX_STACKS.get(worker);
        return stack == null ? null : stack + "|" + version;
    }

    boolean isCustomHandler() {
        return worker.equals(CUSTOM);
    }

    /** .NET isolated apps reference their binding extensions as packages; every other worker takes them from the bundle. */
    boolean usesExtensionBundle() {
        return !worker.equals(DOTNET_ISOLATED);
    }
}
