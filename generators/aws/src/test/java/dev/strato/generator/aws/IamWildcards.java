package dev.strato.generator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds wildcard grants in a template's IAM roles: an allowed action with {@code *}, a resource
 * {@code *} for actions outside {@link Policy#UNSCOPED_ACTIONS}, an ARN whose resource part starts
 * with {@code *}, NotAction/NotResource, or a managed policy (AWS's carry wildcards). A {@code *}
 * after a resource's own name ({@code bucket/*}: its objects) is scoped to that resource.
 */
final class IamWildcards {

    private IamWildcards() {}

    static List<String> in(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = Trees.map(template.get("Resources"));
        resources.forEach((id, value) -> {
            Map<String, Object> r = Trees.map(value);
            String type = (String) r.get("Type");
            Map<String, Object> props = Trees.map(r.getOrDefault("Properties", Map.of()));
            if (type.equals("AWS::IAM::Role")) {
                if (props.containsKey("ManagedPolicyArns"))
                    problems.add(id + ": managed policies " + props.get("ManagedPolicyArns"));
                for (Object policy : Trees.list(props.getOrDefault("Policies", List.of()))) {
                    statements(id, Trees.map(Trees.map(policy).get("PolicyDocument")), problems);
                }
            } else if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                statements(id, Trees.map(props.get("PolicyDocument")), problems);
            }
        });
        return problems;
    }

    private static void statements(String id, Map<String, Object> document, List<String> problems) {
        for (Object s : Trees.list(document.get("Statement"))) {
            Map<String, Object> st = Trees.map(s);
            if (!"Allow".equals(st.get("Effect"))) continue;
            if (st.containsKey("NotAction") || st.containsKey("NotResource"))
                problems.add(id + ": NotAction/NotResource in " + st);
            List<Object> actions = Trees.listOf(st.get("Action"));
            for (Object a : actions) {
                if (String.valueOf(a).contains("*")) problems.add(id + ": wildcard action " + a);
            }
            for (Object resource : Trees.listOf(st.get("Resource"))) {
                String text = arnText(resource);
                if (text == null) continue;
                if (text.equals("*")) {
                    if (!Policy.UNSCOPED_ACTIONS.containsAll(actions)) problems.add(id + ": resource * for " + actions);
                } else if (resourcePart(text).startsWith("*")) {
                    problems.add(id + ": wildcard resource " + text);
                }
            }
        }
    }

    /** The text of a literal or Fn::Sub ARN; null for Ref/GetAtt, which name one resource. */
    private static String arnText(Object resource) {
        if (resource instanceof String s) return s;
        Map<String, Object> m = Trees.map(resource);
        Object sub = m.get("Fn::Sub");
        if (sub instanceof String s) return s;
        if (sub instanceof List<?> l) return (String) l.get(0);
        return null;
    }

    private static String resourcePart(String arn) {
        String t = arn.replaceAll("\\$\\{[^}]*}", "x");
        if (!t.startsWith("arn:")) return t;
        String[] parts = t.split(":", 6);
        return parts.length < 6 ? "" : parts[5];
    }
}
