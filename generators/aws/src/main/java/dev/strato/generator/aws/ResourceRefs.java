package dev.strato.generator.aws;

import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * How the template points at the service's own resources: {@code ${ref:}} values, ARNs for IAM
 * statements and event sources. Buckets are always named through their deterministic name,
 * never Ref/GetAtt, so that a bucket that notifies a function never depends on it in a cycle.
 */
final class ResourceRefs {

    private final Service service;
    private final AwsNames names;

    ResourceRefs(Service service, AwsNames names) {
        this.service = service;
        this.names = names;
    }

    Resource resource(String name) {
        Resource r = service.resources().get(name);
        if (r == null) throw new IllegalArgumentException("no resource " + name);
        return r;
    }

    String id(String name) {
        return LogicalIds.resource(name, resource(name).type());
    }

    Object arn(String name) {
        Resource r = resource(name);
        if (r instanceof Resource.Bucket) return Cfn.sub("arn:${AWS::Partition}:s3:::" + names.bucket(name));
        if (r instanceof Resource.Topic) return Cfn.ref(id(name));
        return Cfn.getAtt(id(name), "Arn");
    }

    /** The ARN of every object in a bucket. */
    Object bucketObjects(String name) {
        return Cfn.sub("arn:${AWS::Partition}:s3:::" + names.bucket(name) + "/*");
    }

    Object name(String name) {
        Resource r = resource(name);
        if (r instanceof Resource.Bucket) return Cfn.sub(names.bucket(name));
        if (r instanceof Resource.Queue) return Cfn.getAtt(id(name), "QueueName");
        if (r instanceof Resource.Topic) return Cfn.getAtt(id(name), "TopicName");
        return Cfn.ref(id(name));
    }

    Object url(String name) {
        Resource r = resource(name);
        if (r instanceof Resource.Bucket)
            return Cfn.sub("https://" + names.bucket(name) + ".s3.${AWS::Region}.${AWS::URLSuffix}");
        if (r instanceof Resource.Queue) return Cfn.ref(id(name));
        throw new IllegalArgumentException("a " + r.type() + " has no url");
    }

    /** A model value as a template value: text, a reference, or a join of them (secrets go through secretId). */
    Object value(Value v) {
        if (v instanceof Value.Text t) return t.text();
        if (v instanceof Value.Secret s)
            throw new IllegalArgumentException("secret " + s.name() + " is passed by ARN, see secretTemplate");
        if (v instanceof Value.Ref r) {
            return switch (r.attribute()) {
                case "name" -> name(r.resource());
                case "id" -> arn(r.resource());
                case "url" -> url(r.resource());
                default -> throw new IllegalArgumentException("unknown attribute " + r.attribute());
            };
        }
        List<Object> parts = new ArrayList<>();
        for (Value p : ((Value.Concat) v).parts()) parts.add(value(p));
        return Cfn.join("", parts);
    }

    /**
     * Where a function reads secret {@code name}: its partial ARN (without the random suffix Secrets
     * Manager appends), which GetSecretValue accepts as SecretId and which needs no lookup at deploy.
     */
    static Object secretId(String name) {
        return Cfn.arn("secretsmanager", "secret:" + name);
    }

    /** A value that mixes text and secrets, with each secret as {@code {{secret:ARN}}} for the adapter to fill in. */
    Object secretTemplate(Value v) {
        if (v instanceof Value.Secret s) return Cfn.join("", List.of("{{secret:", secretId(s.name()), "}}"));
        if (v instanceof Value.Concat c) {
            List<Object> parts = new ArrayList<>();
            for (Value p : c.parts()) {
                if (p instanceof Value.Secret s) parts.addAll(List.of("{{secret:", secretId(s.name()), "}}"));
                else parts.add(value(p));
            }
            return Cfn.join("", parts);
        }
        return value(v);
    }

    static Object secretArn(String name) {
        return Cfn.arn("secretsmanager", "secret:" + name + "-??????");
    }
}
