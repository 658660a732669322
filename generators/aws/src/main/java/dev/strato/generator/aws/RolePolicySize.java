package dev.strato.generator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM's quotas on a role's permissions policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html): the inline
 * policies of a role together at most 10,240 characters, a managed policy at most 6,144, at most
 * 10 managed policies per role; whitespace does not count. Sizes are estimated on the policy as
 * deployed, as {@link EnvironmentSize} does for the environment: pseudo parameters resolved, a
 * reference to a resource's ARN counted at {@value #REFERENCE} characters.
 */
final class RolePolicySize {

    static final int INLINE_LIMIT = 10_240;
    static final int MANAGED_LIMIT = 6_144;
    static final int MANAGED_PER_ROLE = 10;
    /** A resolved Ref or GetAtt: an ARN such as arn:aws:dynamodb:eu-central-1:123456789012:table/service-stage-name. */
    static final int REFERENCE = 96;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String region;

    RolePolicySize(String region) {
        this.region = region;
    }

    long size(Object policyDocument) {
        return JSON.writeValueAsString(resolved(policyDocument)).length();
    }

    /**
     * The statements in groups: the first inline (within 10,240 with the document around it), the
     * rest in managed policies of at most 6,144 each.
     */
    List<List<Object>> split(List<Object> statements) {
        List<List<Object>> groups = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        int limit = INLINE_LIMIT;
        for (Object s : statements) {
            current.add(s);
            if (size(Cfn.policyDocument(current)) > limit) {
                current.remove(current.size() - 1);
                groups.add(current);
                current = new ArrayList<>(List.of(s));
                limit = MANAGED_LIMIT;
            }
        }
        groups.add(current);
        return groups;
    }

    @SuppressWarnings("unchecked")
    private Object resolved(Object o) {
        if (o instanceof String s) return text(s);
        if (o instanceof List<?> l) return l.stream().map(this::resolved).toList();
        if (o instanceof Map<?, ?> m) {
            if (m.containsKey("Fn::Sub")) return text(String.valueOf(m.get("Fn::Sub")));
            if (m.containsKey("Ref") || m.containsKey("Fn::GetAtt")) return "x".repeat(REFERENCE);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, resolved(v)));
            return out;
        }
        return o;
    }

    private String text(String s) {
        return s.replace("${AWS::Partition}", "aws")
                .replace("${AWS::Region}", region)
                .replace("${AWS::AccountId}", "123456789012")
                .replaceAll("\\$\\{[^}]+}", "x".repeat(REFERENCE));
    }
}
