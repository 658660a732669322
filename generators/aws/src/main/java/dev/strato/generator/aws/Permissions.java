package dev.strato.generator.aws;

import dev.strato.model.service.Resource;
import dev.strato.model.service.Verb;
import java.util.List;

/** What each neutral verb allows on AWS, scoped to the one resource it names. */
final class Permissions {

    static final List<String> QUEUE_CONSUMER =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
    static final List<String> STREAM_CONSUMER = List.of(
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams");

    private final ResourceRefs refs;

    Permissions(ResourceRefs refs) {
        this.refs = refs;
    }

    void grant(Policy policy, String resource, Verb verb) {
        Resource r = refs.resource(resource);
        String sid = LogicalIds.pascal(resource) + LogicalIds.pascal(r.type());
        if (r instanceof Resource.Table) {
            policy.allow(
                    sid,
                    refs.arn(resource),
                    verb == Verb.READ
                            ? List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan")
                            : List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"));
        } else if (r instanceof Resource.Bucket) {
            String objects = sid + "Objects";
            switch (verb) {
                case READ -> {
                    policy.allow(objects, refs.bucketObjects(resource), List.of("s3:GetObject"));
                    policy.allow(sid, refs.arn(resource), List.of("s3:ListBucket"));
                }
                case WRITE -> policy.allow(objects, refs.bucketObjects(resource), List.of("s3:PutObject"));
                default -> policy.allow(objects, refs.bucketObjects(resource), List.of("s3:DeleteObject"));
            }
        } else if (r instanceof Resource.Queue) {
            policy.allow(sid, refs.arn(resource), verb == Verb.SEND ? List.of("sqs:SendMessage") : QUEUE_CONSUMER);
        } else {
            policy.allow(sid, refs.arn(resource), List.of("sns:Publish"));
        }
    }
}
