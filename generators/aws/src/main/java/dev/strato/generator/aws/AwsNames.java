package dev.strato.generator.aws;

import dev.strato.generator.naming.ResourceNames;
import dev.strato.model.service.Service;

/**
 * Physical names of the stack's resources, {@code <service>-<stage>-<name>} within each AWS
 * length limit. Bucket names are global across all accounts, so they end in the account id and
 * region ({@code -${AWS::AccountId}-${AWS::Region}}, a {@code Fn::Sub} text), which leaves
 * {@value #BUCKET_PREFIX_LENGTH} characters for the rest.
 */
final class AwsNames {

    static final int FUNCTION_LENGTH = 64;
    static final int TABLE_LENGTH = 255;
    static final int QUEUE_LENGTH = 80;
    static final int TOPIC_LENGTH = 256;
    static final int API_LENGTH = 128;
    static final int SCHEDULE_LENGTH = 64;
    static final int STACK_LENGTH = 128;
    static final int POLICY_NAME_LENGTH = 128;
    static final String BUCKET_SUFFIX = "-${AWS::AccountId}-${AWS::Region}";
    /** 63 minus a 12-digit account id, the longest region name (15, us-isof-south-1) and two hyphens. */
    static final int BUCKET_PREFIX_LENGTH = 63 - 12 - 15 - 2;

    private final ResourceNames names;

    AwsNames(Service service) {
        this.names = new ResourceNames(service.name(), service.stage());
    }

    String stack() {
        return names.base(STACK_LENGTH);
    }

    String api() {
        return names.base(API_LENGTH);
    }

    String function(String name) {
        return names.of(name, FUNCTION_LENGTH);
    }

    String logGroup(String function) {
        return "/aws/lambda/" + function(function);
    }

    String table(String name) {
        return names.of(name, TABLE_LENGTH);
    }

    String queue(String name) {
        return names.of(name, QUEUE_LENGTH);
    }

    String topic(String name) {
        return names.of(name, TOPIC_LENGTH);
    }

    /** A {@code Fn::Sub} text. */
    String bucket(String name) {
        return names.of(name, BUCKET_PREFIX_LENGTH) + BUCKET_SUFFIX;
    }

    /** Schedule names are unique per account and region, so they carry the stage like everything else. */
    String schedule(String function, String eventName) {
        return names.of(function + "-" + eventName, SCHEDULE_LENGTH);
    }

    String alarm(String function, String metric) {
        return function(function) + "-" + metric.toLowerCase(java.util.Locale.ROOT);
    }
}
