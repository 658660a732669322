package dev.strato.generator.aws;

import dev.strato.generator.OrderedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation intrinsic functions and ordered maps as plain data, in the long form that JSON
 * templates use ({@code {"Ref": id}}); {@link TemplateYaml} writes the short YAML tags.
 */
final class Cfn {

    static final String ACCOUNT_REGION_ARN = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s";

    private Cfn() {}

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    static Map<String, Object> join(String delimiter, List<Object> parts) {
        return Map.of("Fn::Join", List.of(delimiter, parts));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}; {@code resource} may hold ${} references. */
    static Map<String, Object> arn(String service, String resource) {
        return sub(String.format(ACCOUNT_REGION_ARN, service, resource));
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        return OrderedMap.of(keysAndValues);
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** IAM policy documents, trust policies and bucket policies all start so. */
    static Map<String, Object> policyDocument(List<?> statements) {
        return map("Version", "2012-10-17", "Statement", statements);
    }

    static Map<String, Object> trustPolicy(String servicePrincipal) {
        return policyDocument(List.of(
                map("Effect", "Allow", "Principal", map("Service", servicePrincipal), "Action", "sts:AssumeRole")));
    }
}
