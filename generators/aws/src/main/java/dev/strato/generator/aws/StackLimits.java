package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import java.util.Map;

/** CloudFormation's quotas (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html, checked 2026-11-27). */
final class StackLimits {

    static final int RESOURCES = 500;
    static final int OUTPUTS = 200;
    static final int PARAMETERS = 200;
    /** A larger template must be uploaded to S3 and passed by URL. */
    static final int INLINE_BODY_BYTES = 51_200;

    static final int S3_BODY_BYTES = 1_048_576;
    /** Warn from this share of a limit on. */
    static final double NEAR = 0.9;

    private StackLimits() {}

    /** The stack's template, then each function's environment and resource policy (Lambda limits), then the outputs left out. */
    static void check(StackBuilder.Stack s, Warnings out) throws GenerationException {
        template(s.template(), s.body().length, s.names().stack(), out);
        new EnvironmentSize(s.service(), s.names()).check(out);
        new ResourcePolicySize(s.service(), s.names(), s.format()).check(s.api(), out);
        if (s.outputNamesOmitted()) {
            out.warn("CloudFormation allows " + OUTPUTS
                    + " outputs: the stack outputs ARNs and URLs only, names are in " + AwsGenerator.MANIFEST);
        }
    }

    private static void template(Template t, int bodyBytes, String stack, Warnings out) throws GenerationException {
        // CloudFormation counts the resources after the SAM transform: a SAM template under 500 can expand past it
        count("resources", expanded(t.tree()), RESOURCES, stack, out);
        count("parameters", t.parameterCount(), PARAMETERS, stack, out);
        count("outputs", t.outputCount(), OUTPUTS, stack, out);
        if (bodyBytes > S3_BODY_BYTES) {
            throw new GenerationException("the template of stack " + stack + " has " + bodyBytes
                    + " bytes, more than CloudFormation's " + S3_BODY_BYTES + "; split the service");
        }
        if (bodyBytes > INLINE_BODY_BYTES) {
            out.warn("the template has " + bodyBytes + " bytes, more than the " + INLINE_BODY_BYTES
                    + " CloudFormation takes inline: deploy uploads it to S3 first");
        }
    }

    /**
     * The resources the template has once the SAM transform has run (the same as written for plain
     * CloudFormation). Per AWS::Serverless::Function: its event sources (HttpApi: a permission; SQS,
     * DynamoDB: an event source mapping; SNS: a subscription and a permission; ScheduleV2: a
     * schedule; Schedule: a rule and a permission; S3: a permission), an EventInvokeConfig, and a
     * role unless it names one; AWS::Serverless::HttpApi adds its stage. Checked against the SAM
     * translator's output in SamExpansionTest.
     */
    @SuppressWarnings("unchecked")
    static int expanded(Map<String, Object> tree) {
        Map<String, Object> resources = (Map<String, Object>) tree.getOrDefault("Resources", Map.of());
        int n = resources.size();
        for (Object value : resources.values()) {
            Map<String, Object> r = (Map<String, Object>) value;
            Map<String, Object> props = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
            switch (String.valueOf(r.get("Type"))) {
                case "AWS::Serverless::Function" -> {
                    if (!props.containsKey("Role")) n++;
                    if (props.containsKey("EventInvokeConfig")) n++;
                    for (Object e : ((Map<String, Object>) props.getOrDefault("Events", Map.of())).values()) {
                        n += switch (String.valueOf(((Map<String, Object>) e).get("Type"))) {
                            case "SNS", "Schedule" -> 2;
                            default -> 1;
                        };
                    }
                }
                case "AWS::Serverless::HttpApi" -> n++;
                default -> {}
            }
        }
        return n;
    }

    private static void count(String what, int n, int limit, String stack, Warnings out) throws GenerationException {
        if (n > limit) {
            throw new GenerationException("stack " + stack + " needs " + n + " " + what + ", more than the " + limit
                    + " CloudFormation allows in one stack; split the service into smaller ones");
        }
        if (n >= limit * NEAR)
            out.warn("stack " + stack + " has " + n + " " + what + ", close to CloudFormation's limit of " + limit);
    }
}
