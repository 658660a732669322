package dev.strato.importer;

import dev.strato.model.diag.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * IAM statements, managed policies and SAM policy templates of one function as strato permission
 * verbs. A verb is granted only on a resource of the service; whatever grants more than the
 * statement listed is said in a note, whatever cannot be a verb is reported, never silently widened.
 */
final class Iam {

    /** What each verb allows on AWS: the AWS generator's own sets. */
    static final Map<String, Map<String, List<String>>> VERBS = Map.of(
            "table",
                    ordered(
                            "read",
                            List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"),
                            "write",
                            List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")),
            "bucket",
                    ordered(
                            "read",
                            List.of("s3:GetObject", "s3:ListBucket"),
                            "write",
                            List.of("s3:PutObject"),
                            "delete",
                            List.of("s3:DeleteObject")),
            "queue",
                    ordered(
                            "send",
                            List.of("sqs:SendMessage"),
                            "receive",
                            List.of(
                                    "sqs:ReceiveMessage",
                                    "sqs:DeleteMessage",
                                    "sqs:ChangeMessageVisibility",
                                    "sqs:GetQueueAttributes")),
            "topic", ordered("publish", List.of("sns:Publish")));

    /** Actions near a verb that the verb does not grant. */
    private static final Map<String, String> CLOSEST = Map.ofEntries(
            Map.entry("dynamodb:BatchGetItem", "read"),
            Map.entry("dynamodb:ConditionCheckItem", "read"),
            Map.entry("dynamodb:PartiQLSelect", "read"),
            Map.entry("dynamodb:DescribeTable", "read"),
            Map.entry("dynamodb:BatchWriteItem", "write"),
            Map.entry("dynamodb:PartiQLInsert", "write"),
            Map.entry("dynamodb:PartiQLUpdate", "write"),
            Map.entry("dynamodb:PartiQLDelete", "write"),
            Map.entry("s3:GetObjectVersion", "read"),
            Map.entry("s3:PutObjectAcl", "write"),
            Map.entry("s3:DeleteObjectVersion", "delete"),
            Map.entry("sqs:GetQueueUrl", "send"),
            Map.entry("sqs:SendMessageBatch", "send"),
            Map.entry("sns:ListTopics", "publish"));

    private static final Set<String> STREAM = Set.of(
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams");
    private static final Pattern GRANTED_BY_STRATO =
            Pattern.compile("(logs:(CreateLogGroup|CreateLogStream|PutLogEvents)|xray:Put\\w+)");
    private static final Pattern SECRET_READ =
            Pattern.compile("secretsmanager:GetSecretValue|ssm:GetParameters?|kms:Decrypt");

    /** SAM policy templates that are verbs: template → resource type, parameter, verbs. */
    private record Template(String type, String parameter, List<String> verbs, boolean narrowed) {}

    private static final Map<String, Template> SAM = Map.ofEntries(
            Map.entry("DynamoDBCrudPolicy", new Template("table", "TableName", List.of("read", "write"), true)),
            Map.entry("DynamoDBReadPolicy", new Template("table", "TableName", List.of("read"), true)),
            Map.entry("DynamoDBWritePolicy", new Template("table", "TableName", List.of("write"), true)),
            Map.entry("S3ReadPolicy", new Template("bucket", "BucketName", List.of("read"), true)),
            Map.entry("S3WritePolicy", new Template("bucket", "BucketName", List.of("write"), true)),
            Map.entry("S3CrudPolicy", new Template("bucket", "BucketName", List.of("read", "write", "delete"), true)),
            Map.entry(
                    "S3FullAccessPolicy",
                    new Template("bucket", "BucketName", List.of("read", "write", "delete"), true)),
            Map.entry("SQSSendMessagePolicy", new Template("queue", "QueueName", List.of("send"), false)),
            Map.entry("SQSPollerPolicy", new Template("queue", "QueueName", List.of("receive"), true)),
            Map.entry("SNSPublishMessagePolicy", new Template("topic", "TopicName", List.of("publish"), false)),
            Map.entry("SNSCrudPolicy", new Template("topic", "TopicName", List.of("publish"), true)));

    /** What the function's triggers and settings grant by themselves. */
    record Implied(Set<String> consumedQueues, Set<String> streamedTables, String deadLetter) {}

    private record Grant(Position position, String path, Set<String> verbs, Set<String> listed) {}

    private final Mapping m;
    private final Map<String, Object> function;
    private final String functionName;
    private final Implied implied;
    private final Map<String, Grant> grants = new LinkedHashMap<>();

    Iam(Mapping m, Map<String, Object> function, String functionName, Implied implied) {
        this.m = m;
        this.function = function;
        this.functionName = functionName;
        this.implied = implied;
    }

    private static Map<String, List<String>> ordered(Object... kv) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) kv[i + 1];
            map.put((String) kv[i], v);
        }
        return map;
    }

    /** A list of IAM statements (a role's, {@code iamRoleStatements}, or a SAM inline policy's). */
    void statements(List<Src> statements, String path) {
        for (int i = 0; i < statements.size(); i++) {
            String spath = path + "[" + i + "]";
            if (!(statements.get(i) instanceof Src.Obj st)) {
                m.report.unmapped(statements.get(i).position(), spath, "an IAM statement must be a map", null);
                continue;
            }
            statement(st, spath);
        }
    }

    private void statement(Src.Obj st, String path) {
        if ("Deny".equals(st.text("Effect"))) {
            m.report.unmapped(st.position(), path, "a Deny statement: strato permissions only grant", null);
            return;
        }
        for (String unsupported : List.of("NotAction", "NotResource", "Condition", "Principal")) {
            if (st.has(unsupported)) {
                m.report.unmapped(
                        st.at(unsupported),
                        path + "." + unsupported,
                        "IAM " + unsupported + " has no strato equivalent; statement left out",
                        "permissions verbs");
                return;
            }
        }
        List<String> actions = new ArrayList<>();
        for (Src a : st.list("Action")) {
            if (a instanceof Src.Scalar s && s.value() != null) actions.add(s.text());
            else m.report.unmapped(a.position(), path + ".Action", "an action must be plain text", null);
        }
        List<String> strato = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (String a : actions) {
            if (GRANTED_BY_STRATO.matcher(a).matches()) strato.add(a);
            else if (SECRET_READ.matcher(a).matches()) secrets.add(a);
        }
        if (!strato.isEmpty())
            m.report.note(
                    st.at("Action"),
                    path + ".Action",
                    String.join(", ", strato) + ": strato grants logging and tracing itself");
        if (!secrets.isEmpty()) {
            m.report.note(
                    st.at("Action"),
                    path + ".Action",
                    String.join(", ", secrets)
                            + ": reading a secret is granted by a ${secret:NAME} environment value, not a permission");
        }
        actions.removeAll(strato);
        actions.removeAll(secrets);
        if (actions.isEmpty()) return;
        List<Src> targets = st.list("Resource");
        if (targets.isEmpty()) m.report.unmapped(st.position(), path, "a statement without Resource", null);
        for (Src target : targets) {
            if (target instanceof Src.Scalar s && "*".equals(s.text())) {
                m.report.unmapped(
                        s.position(),
                        path + ".Resource",
                        "resource * for " + String.join(", ", actions)
                                + ": strato scopes every permission to one resource of the service, never *",
                        "permissions: { RESOURCE: [verbs] }");
                continue;
            }
            Mapping.Res r = m.reference(target);
            if (r == null) {
                String shown = target instanceof Src.Scalar s ? s.text() : "this resource";
                m.report.unmapped(
                        target.position(),
                        path + ".Resource",
                        String.join(", ", actions) + " on " + shown
                                + ": not a table, bucket, queue or topic of this service",
                        "declare it under resources, then permissions");
                continue;
            }
            for (String action : actions) action(r, action, target.position(), path);
        }
    }

    private void action(Mapping.Res r, String action, Position at, String path) {
        String service = Mapping.awsService(r.type());
        if (isImplied(r, action)) {
            m.report.note(
                    at, path, action + " on " + r.name() + ": granted by the function's own trigger or dead letter");
            return;
        }
        if (!action.startsWith(service + ":") && !action.equals("*")) {
            m.report.unmapped(
                    at,
                    path + ".Action",
                    action + " on " + r.type() + " " + r.name() + ": no " + r.type() + " verb grants it",
                    null);
            return;
        }
        Map<String, List<String>> verbs = VERBS.get(r.type());
        if (action.contains("*")) {
            Pattern glob = Pattern.compile(Pattern.quote(action).replace("*", "\\E.*\\Q"));
            List<String> matched = verbs.entrySet().stream()
                    .filter(e ->
                            e.getValue().stream().anyMatch(a -> glob.matcher(a).matches()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (matched.isEmpty()) {
                m.report.unmapped(at, path + ".Action", action + ": matches no action of a strato verb", null);
                return;
            }
            m.report.note(
                    at,
                    path + ".Action",
                    action + " on " + r.name() + " narrowed to " + String.join(", ", matched) + ": strato grants only "
                            + String.join(
                                    ", ",
                                    matched.stream()
                                            .flatMap(v -> verbs.get(v).stream())
                                            .toList()));
            Grant g = grant(r, at, path);
            g.verbs().addAll(matched);
            matched.forEach(v -> g.listed().addAll(verbs.get(v)));
            return;
        }
        String verb = verbs.entrySet().stream()
                .filter(e -> e.getValue().contains(action))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        if (verb == null) {
            String closest = CLOSEST.get(action);
            m.report.unmapped(
                    at,
                    path + ".Action",
                    action + " on " + r.name() + ": no strato verb grants exactly this action",
                    closest == null
                            ? null
                            : r.name() + ": [" + closest + "] (grants " + String.join(", ", verbs.get(closest)) + ")");
            return;
        }
        Grant g = grant(r, at, path);
        g.verbs().add(verb);
        g.listed().add(action);
    }

    private boolean isImplied(Mapping.Res r, String action) {
        if (r.type().equals("queue")
                && implied.consumedQueues().contains(r.name())
                && VERBS.get("queue").get("receive").contains(action)) return true;
        if (r.type().equals("queue") && r.name().equals(implied.deadLetter()) && action.equals("sqs:SendMessage"))
            return true;
        return r.type().equals("table")
                && STREAM.contains(action)
                && implied.streamedTables().contains(r.name());
    }

    private Grant grant(Mapping.Res r, Position at, String path) {
        return grants.computeIfAbsent(r.name(), k -> new Grant(at, path, new LinkedHashSet<>(), new TreeSet<>()));
    }

    /** A managed policy name or ARN. */
    void managedPolicy(Src node, String path) {
        String name = node instanceof Src.Scalar s ? s.text() : null;
        if (name != null && name.matches(".*AWSLambda(Basic|VPCAccess)ExecutionRole")) {
            m.report.note(node.position(), path, name + ": strato grants logging itself");
            return;
        }
        m.report.unmapped(
                node.position(),
                path,
                "managed policy " + (name == null ? "(computed)" : name)
                        + ": strato grants verbs on the service's own resources only",
                "permissions: { RESOURCE: [verbs] }");
    }

    /** SAM's {@code Policies}: a managed policy name, or a list of names, policy templates and inline policy documents. */
    void samPolicies(Src policies, String path) {
        List<Src> items = policies instanceof Src.Seq s ? s.items() : List.of(policies);
        for (int i = 0; i < items.size(); i++) {
            Src item = items.get(i);
            String ipath = policies instanceof Src.Seq ? path + "[" + i + "]" : path;
            if (item instanceof Src.Obj o && o.has("Statement")) {
                statements(o.list("Statement"), ipath + ".Statement");
            } else if (item instanceof Src.Obj o && o.entries().size() == 1) {
                Src.Obj.Entry e = o.entries().values().iterator().next();
                template(e.key(), e.value(), e.keyPosition(), ipath + "." + e.key());
            } else {
                managedPolicy(item, ipath);
            }
        }
    }

    private void template(String name, Src args, Position at, String path) {
        Template t = SAM.get(name);
        if (t == null) {
            if (name.equals("DynamoDBStreamReadPolicy") || name.equals("AWSSecretsManagerGetSecretValuePolicy")) {
                m.report.note(at, path, name + ": granted by a table event or a ${secret:NAME} environment value");
            } else {
                m.report.unmapped(
                        at,
                        path,
                        "SAM policy template " + name + " has no strato verb",
                        "permissions: { RESOURCE: [verbs] }");
            }
            return;
        }
        Src parameter = args instanceof Src.Obj o ? o.get(t.parameter()) : null;
        Mapping.Res r = parameter == null ? null : m.reference(parameter);
        if (r == null || !r.type().equals(t.type())) {
            m.report.unmapped(
                    at,
                    path,
                    name + ": its " + t.parameter() + " is not a " + t.type() + " of this service",
                    "declare it under resources");
            return;
        }
        List<String> verbs = new ArrayList<>(t.verbs());
        if (verbs.equals(List.of("receive")) && implied.consumedQueues().contains(r.name())) {
            m.report.note(at, path, name + " on " + r.name() + ": granted by the function's own queue event");
            return;
        }
        if (t.narrowed())
            m.report.note(
                    at,
                    path,
                    name + " grants more actions than strato's " + String.join(", ", verbs) + " on " + r.name()
                            + " (strato grants "
                            + String.join(
                                    ", ",
                                    verbs.stream()
                                            .flatMap(v -> VERBS.get(t.type()).get(v).stream())
                                            .toList())
                            + ")");
        Grant g = grant(r, at, path);
        g.verbs().addAll(verbs);
        verbs.forEach(v -> g.listed().addAll(VERBS.get(t.type()).get(v)));
    }

    /** Writes the collected verbs into the function, with a note where a verb grants more than was listed. */
    void finish() {
        grants.forEach((resource, g) -> {
            Mapping.Res r = m.byName(resource);
            List<String> verbs = new ArrayList<>(g.verbs());
            Target.grant(function, resource, verbs);
            m.report.mapped(
                    g.position(),
                    g.path(),
                    "functions." + functionName + ".permissions." + resource + ": " + String.join(", ", verbs));
            List<String> extra = verbs.stream()
                    .flatMap(v -> VERBS.get(r.type()).get(v).stream())
                    .filter(a -> !g.listed().contains(a))
                    .toList();
            if (!extra.isEmpty()) {
                m.report.note(
                        g.position(),
                        g.path(),
                        "widened: " + String.join(", ", verbs) + " on " + resource + " also grants "
                                + String.join(", ", extra));
            }
        });
    }
}
