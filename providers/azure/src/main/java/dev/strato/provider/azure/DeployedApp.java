package dev.strato.provider.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What a finished deployment says about the app: the template's outputs (function app, host storage
 * account, package container, HTTP URLs) and the resources it made ({@code outputResources}). Names
 * come from here, not from strato's own naming, because the template may derive them in ARM
 * ({@code uniqueString()}).
 */
record DeployedApp(Map<String, String> outputs, JsonNode rawOutputs, List<String> resourceIds, String state) {

    static DeployedApp of(JsonNode deployment) {
        JsonNode props = deployment.path("properties");
        Map<String, String> outputs = new TreeMap<>();
        JsonNode raw = props.path("outputs");
        for (Map.Entry<String, JsonNode> e : raw.properties()) {
            JsonNode v = e.getValue().path("value");
            outputs.put(e.getKey(), v.isValueNode() ? v.asString("") : v.toString());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode r : props.path("outputResources")) ids.add(r.path("id").asString(""));
        return new DeployedApp(
                outputs, raw, ids, props.path("provisioningState").asString(""));
    }

    String functionApp() {
        return required("functionAppName");
    }

    String storageAccount() {
        return required("storageAccountName");
    }

    String packageContainer() {
        return outputs.getOrDefault("packageContainer", "app-package");
    }

    /** The template's {@code remoteBuild} output (Flex): the package lacks declared dependencies, so build them remotely. */
    boolean remoteBuild() {
        return "true".equalsIgnoreCase(outputs.getOrDefault("remoteBuild", "false"));
    }

    /** HTTP function name to its URL, from the {@code httpUrls} output. */
    Map<String, String> httpUrls() {
        Map<String, String> urls = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e :
                rawOutputs.path("httpUrls").path("value").properties())
            urls.put(e.getKey(), e.getValue().asString(""));
        return urls;
    }

    /** The first resource of {@code type} the deployment made, or null. */
    String resourceId(String type) {
        for (String id : resourceIds) if (ResourceIds.parse(id).type().equalsIgnoreCase(type)) return id;
        return null;
    }

    private String required(String name) {
        String v = outputs.get(name);
        if (v == null || v.isBlank())
            throw new dev.strato.provider.ProviderException(
                    "the deployment has no '" + name + "' output; deploy again with this strato version");
        return v;
    }
}
