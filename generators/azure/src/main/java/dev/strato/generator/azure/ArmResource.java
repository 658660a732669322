package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource of a template: its type, its name segments (for {@code resourceId}), its body
 * in insertion order, what it depends on, and the child resources written inside it. A child
 * carries only the last segment of its type and name, so the schemas check its own name rules
 * rather than the whole path's.
 */
final class ArmResource {

    private final String type;
    private final List<ArmValue> segments;
    private final String name;
    private final boolean nested;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Set<String> dependsOn = new LinkedHashSet<>();
    private final List<ArmResource> children = new ArrayList<>();
    private String condition;
    private String scope;

    private ArmResource(String type, List<ArmValue> segments, String name, boolean nested) {
        this.type = type;
        this.segments = List.copyOf(segments);
        this.name = name;
        this.nested = nested;
    }

    /** A top-level resource named by literal segments ({@code account}, {@code account/default}). */
    static ArmResource of(String type, String... segments) {
        return of(type, java.util.Arrays.stream(segments).map(ArmValue::text).toArray(ArmValue[]::new));
    }

    /** A top-level resource whose name segments may be expressions (a parameter). */
    static ArmResource of(String type, ArmValue... segments) {
        List<ArmValue> parts = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) parts.add(ArmValue.text("/"));
            parts.add(segments[i]);
        }
        return new ArmResource(type, List.of(segments), ArmValue.concat(parts).json(), false);
    }

    /** A top-level resource whose name is computed by ARM (a guid(), a parameter). */
    static ArmResource named(String type, String nameJson) {
        return new ArmResource(type, List.of(), nameJson, false);
    }

    /** A child written inside this resource; {@code leafType} is the last segment of its type. */
    ArmResource child(String leafType, String leafName) {
        return child(leafType, ArmValue.text(leafName));
    }

    /** A child whose name may be an expression (a parameter). */
    ArmResource child(String leafType, ArmValue leafName) {
        List<ArmValue> path = new ArrayList<>(segments);
        path.add(leafName);
        ArmResource c = new ArmResource(type + "/" + leafType, path, leafName.json(), true);
        children.add(c);
        return c;
    }

    /**
     * A top-level resource of the type below this one, named by this resource's segments and
     * {@code leafName}: the form for grandchildren, which Microsoft's template schema does not
     * accept nested two levels deep (a topic's subscription's rule).
     */
    ArmResource below(String leafType, String leafName) {
        List<ArmValue> path = new ArrayList<>(segments);
        path.add(ArmValue.text(leafName));
        return of(type + "/" + leafType, path.toArray(ArmValue[]::new));
    }

    String type() {
        return type;
    }

    /** {@code resourceId(...)} of this resource, as an expression without brackets. */
    String id() {
        if (segments.isEmpty()) throw new IllegalStateException(type + " has a computed name and no literal id");
        List<String> args = new ArrayList<>();
        args.add(Arm.quote(type));
        segments.forEach(s -> args.add(s.inner()));
        return Arm.call("resourceId", args.toArray(String[]::new));
    }

    /** The scope form that role assignments take, {@code Microsoft.X/type/name/child/name}, as a JSON string. */
    String scopePath() {
        String[] types = type.split("/");
        List<ArmValue> parts = new ArrayList<>();
        parts.add(ArmValue.text(types[0]));
        for (int i = 1; i < types.length; i++) {
            parts.add(ArmValue.text("/" + types[i] + "/"));
            parts.add(segments.get(i - 1));
        }
        return ArmValue.concat(parts).json();
    }

    List<ArmValue> segments() {
        return segments;
    }

    /** The last name segment: the resource's own name. */
    ArmValue leaf() {
        return segments.get(segments.size() - 1);
    }

    ArmResource set(String key, Object value) {
        if (value != null) body.put(key, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties() {
        return (Map<String, Object>) body.computeIfAbsent("properties", k -> new LinkedHashMap<String, Object>());
    }

    ArmResource dependsOn(String id) {
        dependsOn.add(Arm.expression(id));
        return this;
    }

    ArmResource condition(String expression) {
        this.condition = Arm.expression(expression);
        return this;
    }

    ArmResource scope(String scopeJson) {
        this.scope = scopeJson;
        return this;
    }

    /** This resource and its children, as they count against ARM's limit of resources per template. */
    int count() {
        return 1 + children.stream().mapToInt(ArmResource::count).sum();
    }

    Map<String, Object> tree() {
        String[] types = type.split("/");
        Map<String, Object> t = Arm.map(
                "type", nested ? types[types.length - 1] : type,
                "apiVersion", ApiVersions.of(type),
                "name", name,
                "condition", condition,
                "scope", scope);
        t.putAll(body);
        if (!dependsOn.isEmpty()) t.put("dependsOn", List.copyOf(dependsOn));
        if (!children.isEmpty())
            t.put("resources", children.stream().map(ArmResource::tree).toList());
        return t;
    }
}
