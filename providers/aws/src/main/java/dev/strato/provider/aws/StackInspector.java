package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import dev.strato.provider.StackInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/** info: the stack's status and outputs, its resources, and each function's configuration. */
final class StackInspector {

    private final AwsClients clients;
    private final java.util.function.Supplier<StackManifest> manifest;

    StackInspector(AwsClients clients, java.util.function.Supplier<StackManifest> manifest) {
        this.clients = clients;
        this.manifest = manifest;
    }

    StackInfo info(String stackName) {
        Stacks stacks = new Stacks(clients.cloudFormation(), clients.settings());
        Stack stack = stacks.describe(stackName)
                .orElseThrow(() -> new ProviderException("stack " + stackName + " does not exist in " + clients.region()
                        + ": run 'strato deploy' first"));
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        List<String> endpoints = outputs.entrySet().stream()
                .filter(e -> e.getKey().endsWith("Url"))
                .map(Map.Entry::getValue)
                .toList();
        List<StackInfo.Resource> resources = new ArrayList<>();
        Map<String, String> physical = new LinkedHashMap<>();
        for (StackResourceSummary r : stacks.resources(stackName)) {
            resources.add(new StackInfo.Resource(
                    r.logicalResourceId(), r.resourceType(), r.physicalResourceId(), r.resourceStatusAsString()));
            physical.put(r.logicalResourceId(), r.physicalResourceId());
        }
        List<StackInfo.FunctionInfo> functions = new ArrayList<>();
        manifest.get().functions().forEach((name, f) -> {
            String deployed = physical.getOrDefault(f.logicalId(), f.name());
            GetFunctionConfigurationResponse config = configuration(deployed);
            functions.add(
                    config == null
                            ? new StackInfo.FunctionInfo(name, deployed, null, null, null)
                            : new StackInfo.FunctionInfo(
                                    name,
                                    deployed,
                                    config.runtimeAsString(),
                                    config.memorySize(),
                                    lastModified(config.lastModified())));
        });
        return new StackInfo(
                stackName, stack.stackStatusAsString(), clients.region(), outputs, endpoints, functions, resources);
    }

    /** Null when Lambda cannot tell (the function is gone, or an emulator keeps it elsewhere). */
    private GetFunctionConfigurationResponse configuration(String functionName) {
        try {
            return clients.lambda().getFunctionConfiguration(b -> b.functionName(functionName));
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if (AwsErrors.notFound(e)) return null;
            throw new ProviderException("could not read function " + functionName + ": " + AwsErrors.describe(e), e);
        }
    }

    private static java.time.Instant lastModified(String value) {
        if (value == null) return null;
        try {
            return java.time.OffsetDateTime.parse(
                            value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS[XX][XXX]"))
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
    }
}
