package dev.strato.generator.aws;

import dev.strato.model.service.Event;
import dev.strato.model.service.KeyType;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables, buckets, queues and topics, the same in both formats: on-demand tables with point-in-time
 * recovery, private encrypted buckets that refuse plain HTTP, encrypted queues with their redrive,
 * topics encrypted with the AWS managed key. Tables and buckets hold data and are retained when
 * the stack goes away.
 */
final class DataResources {

    private static final List<String> S3_METHODS = List.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final Service service;
    private final AwsNames names;
    private final ResourceRefs refs;

    DataResources(Service service, AwsNames names, ResourceRefs refs) {
        this.service = service;
        this.names = names;
        this.refs = refs;
    }

    void addTo(Template t) {
        service.resources().forEach((name, r) -> {
            if (r instanceof Resource.Table table) table(t, name, table);
            else if (r instanceof Resource.Bucket bucket) bucket(t, name, bucket);
            else if (r instanceof Resource.Queue queue) queue(t, name, queue);
            else topic(t, name);
        });
    }

    private void table(Template t, String name, Resource.Table table) {
        List<Object> attributes = Cfn.list(attribute(table.partition()));
        List<Object> keys = Cfn.list(Cfn.map("AttributeName", table.partition().name(), "KeyType", "HASH"));
        if (table.sort() != null) {
            attributes.add(attribute(table.sort()));
            keys.add(Cfn.map("AttributeName", table.sort().name(), "KeyType", "RANGE"));
        }
        Map<String, Object> r = t.resource(
                refs.id(name),
                "AWS::DynamoDB::Table",
                Cfn.map(
                        "TableName",
                        names.table(name),
                        "BillingMode",
                        "PAY_PER_REQUEST",
                        "AttributeDefinitions",
                        attributes,
                        "KeySchema",
                        keys,
                        "StreamSpecification",
                        table.stream() ? Cfn.map("StreamViewType", "NEW_AND_OLD_IMAGES") : null,
                        "TimeToLiveSpecification",
                        table.ttl() == null ? null : Cfn.map("AttributeName", table.ttl(), "Enabled", true),
                        "PointInTimeRecoverySpecification",
                        Cfn.map("PointInTimeRecoveryEnabled", true)));
        retain(r);
    }

    private static Map<String, Object> attribute(Resource.Key key) {
        String type =
                key.type() == null || key.type() == KeyType.STRING ? "S" : key.type() == KeyType.NUMBER ? "N" : "B";
        return Cfn.map("AttributeName", key.name(), "AttributeType", type);
    }

    private void bucket(Template t, String name, Resource.Bucket bucket) {
        String id = refs.id(name);
        Map<String, Object> r = t.resource(
                id,
                "AWS::S3::Bucket",
                Cfn.map(
                        "BucketName", Cfn.sub(names.bucket(name)),
                        "BucketEncryption",
                                Cfn.map(
                                        "ServerSideEncryptionConfiguration",
                                        List.of(Cfn.map(
                                                "ServerSideEncryptionByDefault", Cfn.map("SSEAlgorithm", "AES256")))),
                        "PublicAccessBlockConfiguration",
                                Cfn.map(
                                        "BlockPublicAcls",
                                        true,
                                        "BlockPublicPolicy",
                                        true,
                                        "IgnorePublicAcls",
                                        true,
                                        "RestrictPublicBuckets",
                                        true),
                        "OwnershipControls",
                                Cfn.map("Rules", List.of(Cfn.map("ObjectOwnership", "BucketOwnerEnforced"))),
                        "VersioningConfiguration", bucket.versioning() ? Cfn.map("Status", "Enabled") : null,
                        "LifecycleConfiguration",
                                bucket.expireAfterDays() == null
                                        ? null
                                        : Cfn.map(
                                                "Rules",
                                                List.of(Cfn.map(
                                                        "Id",
                                                        "expire-after-" + bucket.expireAfterDays() + "-days",
                                                        "Status",
                                                        "Enabled",
                                                        "ExpirationInDays",
                                                        bucket.expireAfterDays(),
                                                        "NoncurrentVersionExpiration",
                                                        bucket.versioning()
                                                                ? Cfn.map("NoncurrentDays", bucket.expireAfterDays())
                                                                : null))),
                        "CorsConfiguration",
                                bucket.cors() == null ? null : Cfn.map("CorsRules", List.of(cors(bucket.cors())))));
        retain(r);
        // the policy stays with the bucket it protects (a kept bucket must still refuse plain HTTP), and names the
        // bucket
        // literally, as the bucket does, so that the next deploy can adopt both again (its Resource GetAtts order it
        // after the bucket)
        Map<String, Object> policy = t.resource(
                id + "Policy",
                "AWS::S3::BucketPolicy",
                Cfn.map(
                        "Bucket", Cfn.sub(names.bucket(name)),
                        "PolicyDocument",
                                Cfn.policyDocument(List.of(Cfn.map(
                                        "Sid", "DenyInsecureTransport",
                                        "Effect", "Deny",
                                        "Principal", "*",
                                        "Action", "s3:*",
                                        "Resource", List.of(Cfn.getAtt(id, "Arn"), Cfn.sub("${" + id + ".Arn}/*")),
                                        "Condition", Cfn.map("Bool", Cfn.map("aws:SecureTransport", "false")))))));
        retain(policy);
    }

    private static Map<String, Object> cors(Event.Cors cors) {
        List<String> methods = cors.methods().contains("*")
                ? S3_METHODS
                : cors.methods().stream()
                        .map(m -> m.toUpperCase(java.util.Locale.ROOT))
                        .filter(S3_METHODS::contains)
                        .toList();
        return Cfn.map(
                "AllowedOrigins",
                cors.origins(),
                "AllowedMethods",
                methods,
                "AllowedHeaders",
                cors.headers().isEmpty() ? null : cors.headers(),
                "MaxAge",
                cors.maxAge() == null ? null : cors.maxAge().toSeconds());
    }

    private void queue(Template t, String name, Resource.Queue queue) {
        t.resource(
                refs.id(name),
                "AWS::SQS::Queue",
                Cfn.map(
                        "QueueName", names.queue(name),
                        "VisibilityTimeout", queue.visibilityTimeout().toSeconds(),
                        "MessageRetentionPeriod", queue.retention().toSeconds(),
                        "SqsManagedSseEnabled", true,
                        "RedrivePolicy",
                                queue.deadLetter() == null
                                        ? null
                                        : Cfn.map(
                                                "deadLetterTargetArn", refs.arn(queue.deadLetter()),
                                                "maxReceiveCount", queue.maxReceiveCount())));
    }

    private void topic(Template t, String name) {
        t.resource(
                refs.id(name),
                "AWS::SNS::Topic",
                Cfn.map("TopicName", names.topic(name), "KmsMasterKeyId", "alias/aws/sns"));
    }

    /**
     * Kept when the stack is deleted or the resource replaced, but deleted when the create that made
     * it rolls back: with plain {@code Retain} a failed first deploy leaves the named table or bucket
     * behind and every retry fails with "already exists"
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).
     * A kept resource is adopted again by the next deploy (the provider's change set imports existing
     * named resources, which needs one of the two Retain policies).
     */
    private static void retain(Map<String, Object> resource) {
        resource.put("DeletionPolicy", "RetainExceptOnCreate");
        resource.put("UpdateReplacePolicy", "Retain");
    }

    /** Outputs: every resource's name and ARN, a queue's URL too. */
    List<Output> outputs() {
        List<Output> list = new ArrayList<>();
        service.resources().forEach((name, r) -> {
            String id = refs.id(name);
            list.add(new Output(id + "Arn", "ARN of " + r.type() + " " + name, refs.arn(name), true));
            if (r instanceof Resource.Queue)
                list.add(new Output(id + "Url", "URL of queue " + name, refs.url(name), true));
            list.add(new Output(id + "Name", "name of " + r.type() + " " + name, refs.name(name), false));
        });
        return list;
    }
}
