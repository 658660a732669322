package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;

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

    /** The stack's template, then each function's environment (a Lambda limit), then the outputs left out. */
    static void check(StackBuilder.Stack s, Warnings out) throws GenerationException {
        template(s.template(), s.body().length, s.names().stack(), out);
        new EnvironmentSize(s.service(), s.names()).check(out);
        if (s.outputNamesOmitted()) {
            out.warn("CloudFormation allows " + OUTPUTS + " outputs: the stack outputs ARNs and URLs only, names are in " + AwsGenerator.MANIFEST);
        }
    }

    private static void template(Template t, int bodyBytes, String stack, Warnings out) throws GenerationException {
        count("resources", t.resourceCount(), RESOURCES, stack, out);
        count("parameters", t.parameterCount(), PARAMETERS, stack, out);
        count("outputs", t.outputCount(), OUTPUTS, stack, out);
        if (bodyBytes > S3_BODY_BYTES) {
            throw new GenerationException("the template of stack " + stack + " has " + bodyBytes + " bytes, more than CloudFormation's "
                    + S3_BODY_BYTES + "; split the service");
        }
        if (bodyBytes > INLINE_BODY_BYTES) {
            out.warn("the template has " + bodyBytes + " bytes, more than the " + INLINE_BODY_BYTES
                    + " CloudFormation takes inline: deploy uploads it to S3 first");
        }
    }

    private static void count(String what, int n, int limit, String stack, Warnings out) throws GenerationException {
        if (n > limit) {
            throw new GenerationException("stack " + stack + " needs " + n + " " + what + ", more than the " + limit
                    + " CloudFormation allows in one stack; split the service into smaller ones");
        }
        if (n >= limit * NEAR) out.warn("stack " + stack + " has " + n + " " + what + ", close to CloudFormation's limit of " + limit);
    }
}
