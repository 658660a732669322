package dev.strato.provider.azure;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.Generators;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.Provider;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Azure generator's output for the service, in memory: the ARM template ({@code azuredeploy.json})
 * and the app package ({@code app.zip}, byte-stable, so its SHA-256 tells whether it changed).
 */
record GeneratedStack(JsonNode template, byte[] appPackage, String sha256) {

    static final String TEMPLATE = "azuredeploy.json";
    static final String PACKAGE = "app.zip";

    static GeneratedStack render(ServiceTarget target) {
        Generator generator = Generators.installed().get(Provider.AZURE);
        if (generator == null) throw new ProviderException("the Azure generator is not installed");
        OutputTree tree = new OutputTree();
        try {
            generator.generate(new GenerationContext(target.service(), target.projectDir()), tree);
        } catch (GenerationException e) {
            throw new ProviderException("azure: " + e.getMessage() + "; nothing deployed");
        }
        byte[] template = tree.files().get(TEMPLATE);
        byte[] app = tree.files().get(PACKAGE);
        if (template == null || app == null)
            throw new ProviderException("the Azure generator wrote no " + (template == null ? TEMPLATE : PACKAGE));
        return new GeneratedStack(Arm.JSON.readTree(template), app, sha256(app));
    }

    /** The template's switch for the Event Grid subscriptions, which need the running app's host key. */
    static final String EVENT_SUBSCRIPTIONS = "eventSubscriptions";

    private static final java.util.regex.Pattern SYSTEM_KEY =
            java.util.regex.Pattern.compile("systemKeys\\.([A-Za-z0-9_]+)");

    /** Whether the template has Event Grid subscriptions that a second pass turns on. */
    boolean hasEventSubscriptions() {
        return template.path("parameters").has(EVENT_SUBSCRIPTIONS);
    }

    /** The host system keys the subscriptions' endpoint URLs read (blobs_extension for blob triggers). */
    java.util.Set<String> systemKeys() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        java.util.regex.Matcher m = SYSTEM_KEY.matcher(template.toString());
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    /** Whether the app runs on Flex Consumption (a plan with sku FC1), which one deploy publishes to. */
    boolean flex() {
        for (JsonNode r : template.path("resources")) {
            if ("Microsoft.Web/serverfarms".equalsIgnoreCase(r.path("type").asString(""))
                    && "FC1".equalsIgnoreCase(r.path("sku").path("name").asString(""))) return true;
        }
        return false;
    }

    /** Values for the template's parameters that strato chooses (the others keep their defaults). */
    ObjectNode parameters(AzureTarget target, boolean eventSubscriptions) {
        ObjectNode p = Arm.JSON.createObjectNode();
        if (template.path("parameters").has("location")) p.putObject("location").put("value", target.location());
        if (hasEventSubscriptions()) p.putObject(EVENT_SUBSCRIPTIONS).put("value", eventSubscriptions);
        return p;
    }

    /** The deployment's request body: incremental mode, the template inline. */
    ObjectNode deploymentBody(AzureTarget target, boolean eventSubscriptions) {
        ObjectNode body = Arm.JSON.createObjectNode();
        ObjectNode props = body.putObject("properties");
        props.put("mode", "Incremental");
        props.set("template", template);
        props.set("parameters", parameters(target, eventSubscriptions));
        return body;
    }

    /** The API version the template uses for a resource type (remove deletes with the same one). */
    String apiVersion(String type) {
        for (JsonNode r : template.path("resources")) {
            if (type.equalsIgnoreCase(r.path("type").asString("")))
                return r.path("apiVersion").asString(null);
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
