package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lambda's 4 KB limit on a function's environment (names and values), checked on the values as
 * they will be once deployed: a reference by the length of the name, ARN or URL it becomes (in
 * the aws partition, with a 12-digit account id), a secret by the {@code {{secret:ARN}}} the
 * function gets instead of its value (its variable's name by the suffix the generator adds).
 */
final class EnvironmentSize {

    static final int LIMIT_BYTES = 4096;
    private static final int ACCOUNT = 12;

    private final Service service;
    private final AwsNames names;
    private final int region;

    EnvironmentSize(Service service, AwsNames names) {
        this.service = service;
        this.names = names;
        this.region = service.providers().aws().region().length();
    }

    void check(Warnings out) throws GenerationException {
        for (Function f : service.functions().values()) {
            long size = 0;
            for (Map.Entry<String, Value> e : f.environment().entrySet()) {
                size += bytes(e.getKey()) + suffix(e.getValue()) + length(e.getValue());
                // its name again in STRATO_SECRETS, with a comma (the first one's stands for the variable's own name)
                if (suffix(e.getValue()) > 0)
                    size += bytes(e.getKey()) + 1 + FunctionResources.SECRETS_VARIABLE.length();
            }
            if (size > LIMIT_BYTES) {
                throw new GenerationException("the environment of function " + f.name() + " takes about " + size
                        + " bytes once its references are resolved, more than Lambda's " + LIMIT_BYTES);
            }
            if (size >= LIMIT_BYTES * StackLimits.NEAR) {
                out.warn("the environment of function " + f.name() + " takes about " + size + " of Lambda's "
                        + LIMIT_BYTES + " bytes");
            }
        }
    }

    long length(Value v) {
        if (v instanceof Value.Text t) return bytes(t.text());
        if (v instanceof Value.Secret s) {
            return "{{secret:arn:aws:secretsmanager:".length()
                    + region
                    + 1
                    + ACCOUNT
                    + ":secret:".length()
                    + bytes(s.name())
                    + "}}".length();
        }
        if (v instanceof Value.Concat c)
            return c.parts().stream().mapToLong(this::length).sum();
        Value.Ref r = (Value.Ref) v;
        Resource resource = service.resources().get(r.resource());
        String name = physicalName(r.resource(), resource);
        return switch (r.attribute()) {
            case "name" -> name.length();
            case "url" ->
                resource instanceof Resource.Bucket
                        ? "https://".length() + name.length() + ".s3.".length() + region + ".amazonaws.com".length()
                        : "https://sqs.".length() + region + ".amazonaws.com/".length() + ACCOUNT + 1 + name.length();
            default -> arnLength(resource, name);
        };
    }

    private static long suffix(Value v) {
        java.util.Set<String> secrets = new java.util.TreeSet<>();
        FunctionResources.collectSecrets(v, secrets);
        if (secrets.isEmpty()) return 0;
        return (v instanceof Value.Secret
                        ? FunctionResources.SECRET_ARN_SUFFIX
                        : FunctionResources.SECRET_TEMPLATE_SUFFIX)
                .length();
    }

    private long arnLength(Resource resource, String name) {
        if (resource instanceof Resource.Bucket) return "arn:aws:s3:::".length() + name.length();
        String service =
                resource instanceof Resource.Table ? "dynamodb" : resource instanceof Resource.Queue ? "sqs" : "sns";
        String prefix = resource instanceof Resource.Table ? "table/" : "";
        return "arn:aws:".length() + service.length() + 1 + region + 1 + ACCOUNT + 1 + prefix.length() + name.length();
    }

    private String physicalName(String name, Resource r) {
        if (r instanceof Resource.Table) return names.table(name);
        if (r instanceof Resource.Queue) return names.queue(name);
        if (r instanceof Resource.Topic) return names.topic(name);
        return names.bucket(name).replace(AwsNames.BUCKET_SUFFIX, "-" + "0".repeat(ACCOUNT) + "-" + "x".repeat(region));
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
