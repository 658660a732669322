package dev.strato.provider;

/** One row of a change set: Add, Modify, Remove (or Import), and whether the resource is replaced (True, False, Conditional, or empty when unknown). */
public record ResourceChange(String action, String logicalId, String type, String replacement) {

    /** Resource types that hold data: deleting or replacing one loses what is in it. */
    private static final java.util.Set<String> DATA_TYPES =
            java.util.Set.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue");

    /** True when this row deletes or (maybe) replaces a resource that holds data. */
    public boolean losesData() {
        if (!DATA_TYPES.contains(type)) return false;
        return "Remove".equals(action) || "True".equals(replacement) || "Conditional".equals(replacement);
    }
}
