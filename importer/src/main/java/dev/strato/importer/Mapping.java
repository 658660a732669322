package dev.strato.importer;

import dev.strato.model.diag.Position;
import dev.strato.model.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What both importers share: the report, the strato.yml being built, the stateful resources
 * (DynamoDB tables, S3 buckets, SQS queues, SNS topics) found in the source, value translation,
 * and references from the source's intrinsics and ARNs to those resources.
 */
abstract class Mapping {

    /** Reasons both sources give for settings strato has no place for. */
    static final String LAYERS_REASON = "Lambda layers: strato packages the project's files";

    static final String VPC_REASON = "functions in a VPC: strato functions have no network settings";
    static final String LAYERS_CLOSEST = "package.include";

    /** A resource of the source that becomes a strato resource. */
    record Res(String logicalId, String name, String type, Src.Obj properties, Position position, String path) {}

    /** A translated value (text with strato variables, a number, a boolean, a map or a list), or why it could not be. */
    record Translated(Object value, String error, Position position) {
        static Translated of(Object value) {
            return new Translated(value, null, null);
        }

        static Translated failed(String error, Position at) {
            return new Translated(null, error, at);
        }

        boolean ok() {
            return error == null;
        }
    }

    static final Map<String, String> TYPES = Map.of(
            "AWS::DynamoDB::Table",
            "table",
            "AWS::Serverless::SimpleTable",
            "table",
            "AWS::S3::Bucket",
            "bucket",
            "AWS::SQS::Queue",
            "queue",
            "AWS::SNS::Topic",
            "topic");
    private static final Map<String, String> NAME_PROPERTY =
            Map.of("table", "TableName", "bucket", "BucketName", "queue", "QueueName", "topic", "TopicName");
    private static final Pattern VARIABLE_WITH_COLON = Pattern.compile("\\$\\{[^{}]*:[^{}]*\\}");
    private static final Pattern ARN = Pattern.compile("arn:[^:]*:(dynamodb|s3|sqs|sns):[^:]*:[^:]*:(.+)");

    final String label;
    final Report report = new Report();
    final Target target = new Target();
    final Map<String, Res> resources = new LinkedHashMap<>();

    Mapping(String label) {
        this.label = label;
    }

    /** Translates a value of the source into strato's terms. */
    abstract Translated translate(Src node);

    /** The value as text with references resolved as far as they can be, to compare names and ARNs. */
    abstract String canonical(Src node);

    // ---- resources ----

    /** Registers the supported resources of a CloudFormation {@code Resources} map under unique strato names. */
    void registerResources(Src.Obj resourcesMap, String path) {
        if (resourcesMap == null) return;
        for (Src.Obj.Entry e : resourcesMap.entries().values()) {
            if (!(e.value() instanceof Src.Obj body)) continue;
            String type = TYPES.get(body.text("Type"));
            if (type == null) continue;
            String name = ImportNames.resource(e.key(), type);
            for (int n = 2; taken(name); n++) name = ImportNames.resource(e.key(), type) + n;
            Src.Obj props = body.obj("Properties");
            resources.put(
                    e.key(),
                    new Res(
                            e.key(),
                            name,
                            type,
                            props == null ? new Src.Obj(Map.of(), body.position()) : props,
                            e.keyPosition(),
                            path + "." + e.key()));
        }
    }

    private boolean taken(String name) {
        return resources.values().stream().anyMatch(r -> r.name().equals(name));
    }

    Res byName(String name) {
        return resources.values().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Maps every registered resource's properties into strato's resources section. */
    void mapResources() {
        for (Res r : resources.values()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", r.type());
            String path = r.path() + ".Properties";
            Src.Obj p = r.properties();
            Set<String> handled = new java.util.HashSet<>(Set.of(NAME_PROPERTY.get(r.type())));
            if ("alias/aws/sns".equals(p.text("KmsMasterKeyId"))) handled.add("KmsMasterKeyId");
            switch (r.type()) {
                case "table" -> handled.addAll(table(r, p, path, out));
                case "bucket" -> handled.addAll(bucket(p, path, out));
                case "queue" -> handled.addAll(queue(p, path, out));
                default -> {}
            }
            if (p.has(NAME_PROPERTY.get(r.type()))) {
                report.note(
                        p.at(NAME_PROPERTY.get(r.type())),
                        path + "." + NAME_PROPERTY.get(r.type()),
                        "strato names the " + r.type()
                                + " itself (<service>-<stage>-<name>); code should read the name from an environment variable set to ${ref:"
                                + r.name() + ".name}");
            }
            for (Src.Obj.Entry e : p.entries().values()) {
                if (handled.contains(e.key())) continue;
                report.unmapped(e.keyPosition(), path + "." + e.key(), unmappedProperty(r.type(), e.key()), null);
            }
            report.mapped(r.position(), r.path(), "resources." + r.name() + " (" + r.type() + ")");
            target.resources.put(r.name(), out);
        }
    }

    private static String unmappedProperty(String type, String property) {
        return switch (property) {
            case "Tags" ->
                "resource tags: strato tags functions (defaults.tags); stateful resources get strato's own tags";
            case "BillingMode", "ProvisionedThroughput" -> "strato tables are on-demand (pay per request)";
            case "GlobalSecondaryIndexes", "LocalSecondaryIndexes" -> "strato tables have no secondary indexes";
            case "KmsMasterKeyId",
                    "SSESpecification",
                    "BucketEncryption",
                    "SqsManagedSseEnabled",
                    "KmsDataKeyReusePeriodSeconds" ->
                "strato encrypts every " + type + " with the provider's managed key";
            case "PublicAccessBlockConfiguration", "OwnershipControls", "AccessControl" ->
                "strato buckets are always private";
            case "PointInTimeRecoverySpecification" -> "strato tables always have point-in-time recovery";
            case "FifoQueue", "ContentBasedDeduplication" -> "strato queues are standard (not FIFO) queues";
            default -> "no strato equivalent for " + type + " property " + property;
        };
    }

    private List<String> table(Res r, Src.Obj p, String path, Map<String, Object> out) {
        Map<String, String> attributeTypes = new LinkedHashMap<>();
        for (Src a : p.list("AttributeDefinitions")) {
            if (a instanceof Src.Obj o && o.text("AttributeName") != null)
                attributeTypes.put(o.text("AttributeName"), o.text("AttributeType"));
        }
        Map<String, Object> key = new LinkedHashMap<>();
        if (p.has("PrimaryKey") || !p.has("KeySchema")) {
            // AWS::Serverless::SimpleTable: PrimaryKey {Name, Type: String|Number|Binary}, default id String
            Src.Obj pk = p.obj("PrimaryKey");
            String name = pk == null ? "id" : pk.text("Name");
            String type = pk == null ? "String" : pk.text("Type");
            key.put("partition", keyPart(name == null ? "id" : name, type == null ? "S" : type.substring(0, 1)));
        }
        for (Src k : p.list("KeySchema")) {
            if (!(k instanceof Src.Obj o) || o.text("AttributeName") == null) continue;
            String name = o.text("AttributeName");
            key.put("RANGE".equals(o.text("KeyType")) ? "sort" : "partition", keyPart(name, attributeTypes.get(name)));
        }
        out.put("key", key);
        Src.Obj ttl = p.obj("TimeToLiveSpecification");
        if (ttl != null && ttl.text("AttributeName") != null && !"false".equals(ttl.text("Enabled")))
            out.put("ttl", ttl.text("AttributeName"));
        if (p.has("StreamSpecification")) {
            out.put("stream", true);
            String view = p.obj("StreamSpecification") == null
                    ? null
                    : p.obj("StreamSpecification").text("StreamViewType");
            if (view != null && !view.equals("NEW_AND_OLD_IMAGES")) {
                report.note(
                        p.at("StreamSpecification"),
                        path + ".StreamSpecification",
                        "stream view " + view + " becomes NEW_AND_OLD_IMAGES (strato's table stream)");
            }
        }
        if (p.has("BillingMode") && !"PAY_PER_REQUEST".equals(p.text("BillingMode"))
                || p.has("ProvisionedThroughput")) {
            report.note(
                    p.at(p.has("BillingMode") ? "BillingMode" : "ProvisionedThroughput"),
                    path,
                    "provisioned capacity becomes on-demand");
        }
        return List.of(
                "AttributeDefinitions",
                "KeySchema",
                "PrimaryKey",
                "TimeToLiveSpecification",
                "StreamSpecification",
                "PointInTimeRecoverySpecification",
                "SSESpecification",
                "BillingMode",
                "ProvisionedThroughput");
    }

    private static Object keyPart(String name, String type) {
        if (type == null || type.equals("S")) return name;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type.equals("N") ? "number" : "binary");
        return m;
    }

    private List<String> bucket(Src.Obj p, String path, Map<String, Object> out) {
        List<String> handled =
                new ArrayList<>(List.of("BucketEncryption", "PublicAccessBlockConfiguration", "OwnershipControls"));
        Src.Obj versioning = p.obj("VersioningConfiguration");
        if (versioning != null) {
            out.put("versioning", "Enabled".equals(versioning.text("Status")));
            handled.add("VersioningConfiguration");
        }
        Src.Obj lifecycle = p.obj("LifecycleConfiguration");
        if (lifecycle != null) {
            List<Src> rules = lifecycle.list("Rules");
            if (rules.size() == 1
                    && rules.get(0) instanceof Src.Obj rule
                    && rule.get("ExpirationInDays") instanceof Src.Scalar days
                    && days.value() instanceof Long n
                    && rule.entries().keySet().stream()
                            .allMatch(k ->
                                    Set.of("Id", "Status", "ExpirationInDays").contains(k))) {
                out.put("expireAfterDays", n);
                handled.add("LifecycleConfiguration");
            }
        }
        Src.Obj cors = p.obj("CorsConfiguration");
        if (cors != null
                && cors.list("CorsRules").size() == 1
                && cors.list("CorsRules").get(0) instanceof Src.Obj rule) {
            Map<String, Object> c = new LinkedHashMap<>();
            putTexts(c, "origins", rule.list("AllowedOrigins"));
            putTexts(c, "methods", rule.list("AllowedMethods"));
            putTexts(c, "headers", rule.list("AllowedHeaders"));
            if (rule.get("MaxAge") instanceof Src.Scalar s && s.value() instanceof Long n)
                c.put("maxAge", Durations.format(Duration.ofSeconds(n)));
            out.put("cors", c);
            handled.add("CorsConfiguration");
        }
        if (p.has("NotificationConfiguration")) handled.add("NotificationConfiguration");
        return handled;
    }

    private static void putTexts(Map<String, Object> m, String key, List<Src> items) {
        List<String> texts = new ArrayList<>();
        for (Src i : items) if (i instanceof Src.Scalar s && s.value() != null) texts.add(s.text());
        if (!texts.isEmpty()) m.put(key, texts);
    }

    private List<String> queue(Src.Obj p, String path, Map<String, Object> out) {
        List<String> handled = new ArrayList<>(List.of("SqsManagedSseEnabled"));
        for (String[] k :
                new String[][] {{"VisibilityTimeout", "visibilityTimeout"}, {"MessageRetentionPeriod", "retention"}}) {
            if (!p.has(k[0])) continue;
            Translated t = translate(p.get(k[0]));
            Long seconds = t.ok() ? asLong(t.value()) : null;
            if (seconds == null) {
                report.unmapped(p.at(k[0]), path + "." + k[0], t.ok() ? "not a number of seconds" : t.error(), k[1]);
            } else {
                out.put(k[1], Durations.format(Duration.ofSeconds(seconds)));
            }
            handled.add(k[0]);
        }
        Src.Obj redrive = p.obj("RedrivePolicy");
        if (redrive != null) {
            Res dead = reference(redrive.get("deadLetterTargetArn"));
            if (dead != null && dead.type().equals("queue")) {
                out.put("deadLetter", dead.name());
                if (redrive.get("maxReceiveCount") != null) {
                    Long n = asLong(translate(redrive.get("maxReceiveCount")).value());
                    if (n != null) out.put("maxReceiveCount", n);
                }
                handled.add("RedrivePolicy");
            } else {
                report.unmapped(
                        p.at("RedrivePolicy"),
                        path + ".RedrivePolicy",
                        "the dead-letter queue is not a queue of this service",
                        "deadLetter: <queue resource>");
                handled.add("RedrivePolicy");
            }
        }
        return handled;
    }

    static Long asLong(Object v) {
        if (v instanceof Long n) return n;
        if (v instanceof String s && s.matches("\\d{1,12}")) return Long.parseLong(s);
        return null;
    }

    // ---- references ----

    /**
     * The resource a value points at: {@code !Ref X}, {@code !GetAtt X.Arn} (or StreamArn, QueueName, ...),
     * a {@code !Sub} naming {@code ${X}} or {@code ${X.Arn}}, or an ARN/name text that matches a resource's name.
     */
    Res reference(Src node) {
        if (node instanceof Src.Fn f) {
            if (f.name().equals("Ref") || f.name().equals("Fn::GetAtt")) {
                List<Src> args = f.args();
                if (!args.isEmpty() && args.get(0) instanceof Src.Scalar s) return resources.get(s.text());
                return null;
            }
            if (f.name().equals("Fn::Join") && f.args().size() == 2 && f.args().get(1) instanceof Src.Seq parts) {
                for (Src part : parts.items()) {
                    if (part instanceof Src.Fn) return reference(part);
                }
            }
            if (f.name().equals("Fn::Sub") && f.args().get(0) instanceof Src.Scalar s) {
                Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?\\}")
                        .matcher(s.text());
                if (m.find() && resources.containsKey(m.group(1))) return resources.get(m.group(1));
            }
        }
        return byText(canonical(node));
    }

    /** A resource whose ARN or name the text is (the ARN's suffix, such as /index/x or /*, is allowed). */
    Res byText(String text) {
        if (text == null) return null;
        String t = neutral(text);
        Matcher m = ARN.matcher(t.replace(":::", ":~:~:"));
        String service = null;
        String rest = t;
        if (m.matches()) {
            service = m.group(1);
            rest = m.group(2);
            if (service.equals("dynamodb")) {
                if (!rest.startsWith("table/")) return null;
                rest = rest.substring("table/".length());
            }
            int slash = rest.indexOf('/');
            if (slash >= 0) rest = rest.substring(0, slash);
        }
        for (Res r : resources.values()) {
            if (service != null && !service.equals(awsService(r.type()))) continue;
            Src name = r.properties().get(NAME_PROPERTY.get(r.type()));
            if (name != null && neutral(canonical(name)).equals(rest)) return r;
        }
        return null;
    }

    static String awsService(String type) {
        return switch (type) {
            case "table" -> "dynamodb";
            case "bucket" -> "s3";
            case "queue" -> "sqs";
            default -> "sns";
        };
    }

    /** Variables with a colon inside (regions, accounts, partitions) become one neutral token so that ARNs split at their colons. */
    private static String neutral(String text) {
        return VARIABLE_WITH_COLON.matcher(text).replaceAll("~");
    }

    /** {@code ${ref:NAME.ATTR}} for what {@code !Ref X}/{@code !GetAtt X.Attr} yields of a resource, or null. */
    static String refValue(Res r, String attribute) {
        String attr;
        if (attribute == null) {
            attr = switch (r.type()) {
                case "queue" -> "url";
                case "topic" -> "id";
                default -> "name";
            };
        } else {
            attr = switch (attribute) {
                case "Arn", "TopicArn" -> "id";
                case "QueueName", "TopicName" -> "name";
                case "QueueUrl" -> "url";
                default -> null;
            };
        }
        return attr == null ? null : "${ref:" + r.name() + "." + attr + "}";
    }

    /** {@code Ref}/{@code GetAtt} of a registered resource, as a strato reference; null when it is no such thing. */
    Translated resourceFn(Src.Fn f) {
        if (!f.name().equals("Ref") && !f.name().equals("Fn::GetAtt")) return null;
        List<Src> args = f.args();
        if (args.isEmpty() || !(args.get(0) instanceof Src.Scalar s) || !resources.containsKey(s.text())) return null;
        Res r = resources.get(s.text());
        String attribute =
                f.name().equals("Ref") ? null : args.size() > 1 && args.get(1) instanceof Src.Scalar a ? a.text() : "?";
        String ref = refValue(r, attribute);
        return ref == null
                ? Translated.failed(
                        f.display() + " " + s.text() + "." + attribute
                                + ": strato references give a resource's name, id (ARN) or url only",
                        f.position())
                : Translated.of(ref);
    }

    /** When a text equals a resource's physical name, code should get the generated name instead. */
    String nameReference(Src node) {
        String text = canonical(node);
        if (text == null || text.isBlank()) return null;
        for (Res r : resources.values()) {
            Src name = r.properties().get(NAME_PROPERTY.get(r.type()));
            if (name != null && !(node == name) && neutral(canonical(name)).equals(neutral(text)))
                return "${ref:" + r.name() + ".name}";
        }
        return null;
    }

    // ---- small helpers ----

    /** The strato text of a value, or null after reporting it as unmapped at {@code path}. */
    String textOrReport(Src node, String path, String what, String closest) {
        Translated t = translate(node);
        if (!t.ok()) {
            report.unmapped(
                    t.position() == null ? node.position() : t.position(), path, what + ": " + t.error(), closest);
            return null;
        }
        if (t.value() instanceof Map || t.value() instanceof List || t.value() == null) {
            report.unmapped(node.position(), path, what + ": expected a single value", closest);
            return null;
        }
        return String.valueOf(t.value());
    }

    /** strato's runtime id for an AWS runtime, or null after reporting why there is none. */
    String runtime(Src v, String path) {
        String t = canonical(v);
        Runtimes.Converted c = t == null ? new Runtimes.Converted(null, null) : Runtimes.convert(t);
        if (c.runtime() == null) {
            report.unmapped(
                    v.position(),
                    path,
                    "runtime " + t + " has no strato equivalent",
                    String.join(", ", dev.strato.model.service.Runtime.ids()));
            return null;
        }
        if (c.note() != null) report.note(v.position(), path, c.note());
        return c.runtime();
    }

    /** {@code s3:ObjectCreated:*} → created, {@code s3:ObjectRemoved:*} → deleted; narrower events widen with a note. */
    String s3Action(String event, Position at, String path) {
        if (event == null) return null;
        String kind = event.startsWith("s3:ObjectCreated:")
                ? "created"
                : event.startsWith("s3:ObjectRemoved:") ? "deleted" : null;
        if (kind == null) {
            report.unmapped(at, path, "S3 event " + event + " has no strato equivalent", "on: [created] or [deleted]");
            return null;
        }
        if (!event.endsWith(":*")) report.note(at, path, "widened: " + event + " becomes every " + kind + " object");
        return kind;
    }

    /** Escapes literal text for strato.yml, where {@code ${} starts a variable. */
    static String literal(String text) {
        return text.replace("${", "$${");
    }
}
