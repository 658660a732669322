package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deployment template being built: parameters, variables, resources and outputs in the order they are added. */
final class ArmTemplate {

    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private final String description;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<ArmResource> resources = new ArrayList<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    ArmTemplate(String description) {
        this.description = description;
    }

    /** Adds a parameter and returns its {@code parameters('name')} expression. */
    String parameter(String name, String type, Object defaultValue, String description) {
        parameters.putIfAbsent(
                name,
                Arm.map("type", type, "defaultValue", defaultValue, "metadata", Arm.map("description", description)));
        return Arm.parameter(name);
    }

    /** Adds a constraint ({@code minLength}, {@code maxLength}, ...) to a parameter already added. */
    @SuppressWarnings("unchecked")
    void constrain(String parameter, String key, Object value) {
        ((Map<String, Object>) parameters.get(parameter)).put(key, value);
    }

    /** The value of a variable added before, or null. */
    Object variableValue(String name) {
        return variables.get(name);
    }

    @SuppressWarnings("unchecked")
    String parameterType(String name) {
        return (String) ((Map<String, Object>) parameters.get(name)).get("type");
    }

    @SuppressWarnings("unchecked")
    String parameterDescription(String name) {
        return (String)
                ((Map<String, Object>) ((Map<String, Object>) parameters.get(name)).get("metadata")).get("description");
    }

    /** Adds a variable (once) and returns its {@code variables('name')} expression. */
    String variable(String name, Object value) {
        Object previous = variables.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value))
            throw new IllegalArgumentException("variable " + name + " set twice");
        return Arm.variable(name);
    }

    ArmResource add(ArmResource r) {
        resources.add(r);
        return r;
    }

    void output(String name, String type, Object value) {
        outputs.put(name, Arm.map("type", type, "value", value));
    }

    int resourceCount() {
        return resources.stream().mapToInt(ArmResource::count).sum();
    }

    Map<String, Object> tree() {
        Map<String, Object> t = Arm.map(
                "$schema",
                SCHEMA,
                "contentVersion",
                "1.0.0.0",
                "metadata",
                Arm.map("description", description, "generator", "strato"));
        if (!parameters.isEmpty()) t.put("parameters", parameters);
        if (!variables.isEmpty()) t.put("variables", variables);
        t.put("resources", resources.stream().map(ArmResource::tree).toList());
        if (!outputs.isEmpty()) t.put("outputs", outputs);
        return t;
    }
}
