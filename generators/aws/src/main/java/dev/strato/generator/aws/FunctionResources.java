package dev.strato.generator.aws;

import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parts of a function that both formats write as plain CloudFormation: its log group with
 * retention, its own IAM role with only what its permissions and triggers need, and its alarms;
 * and the function properties the formats share.
 */
final class FunctionResources {

    private static final int DEFAULT_RETRIES = 2;
    /** {@code NAME_SECRET_ARN}: the ARN of the secret that is the whole value of variable NAME. */
    static final String SECRET_ARN_SUFFIX = "_SECRET_ARN";
    /** {@code NAME_SECRET_TEMPLATE}: variable NAME's value with each secret as {@code {{secret:ARN}}}. */
    static final String SECRET_TEMPLATE_SUFFIX = "_SECRET_TEMPLATE";
    /** {@code STRATO_SECRETS}: the names of the variables whose values are secrets, comma-separated. */
    static final String SECRETS_VARIABLE = "STRATO_SECRETS";

    private final Service service;
    private final AwsNames names;
    private final ResourceRefs refs;
    private final Permissions permissions;

    FunctionResources(Service service, AwsNames names, ResourceRefs refs) {
        this.service = service;
        this.names = names;
        this.refs = refs;
        this.permissions = new Permissions(refs);
    }

    FunctionParts addTo(Template t, Function f, String codeKey, List<HttpApiPlan.Route> routes)
            throws dev.strato.generator.GenerationException {
        String id = LogicalIds.function(f.name());
        String logGroup = LogicalIds.logGroup(f.name());
        t.resource(
                logGroup,
                "AWS::Logs::LogGroup",
                Cfn.map(
                        "LogGroupName", names.logGroup(f.name()),
                        "RetentionInDays", f.logRetentionDays()));
        FunctionEvents events = new FunctionEvents(f);
        String role = LogicalIds.role(f.name());
        List<List<Object>> groups = new RolePolicySize(service.providers().aws().region())
                .split(policy(f, events, logGroup).statements());
        if (groups.size() - 1 > RolePolicySize.MANAGED_PER_ROLE) {
            throw new dev.strato.generator.GenerationException(
                    "functions." + f.name() + ".permissions: the role of function "
                            + f.name() + " needs more than IAM's " + RolePolicySize.INLINE_LIMIT + " inline and "
                            + RolePolicySize.MANAGED_PER_ROLE + " x "
                            + RolePolicySize.MANAGED_LIMIT
                            + " managed policy characters; grant fewer resources or split the function");
        }
        // past the 10,240 characters of inline policy a role may have, the rest goes into managed policies of its own
        List<Object> managed = new java.util.ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            String policyId = role + "Policy" + i;
            t.resource(
                    policyId, "AWS::IAM::ManagedPolicy", Cfn.map("PolicyDocument", Cfn.policyDocument(groups.get(i))));
            managed.add(Cfn.ref(policyId));
        }
        t.resource(
                role,
                "AWS::IAM::Role",
                Cfn.map(
                        "AssumeRolePolicyDocument",
                        Cfn.trustPolicy("lambda.amazonaws.com"),
                        "ManagedPolicyArns",
                        managed.isEmpty() ? null : managed,
                        "Policies",
                        List.of(Cfn.map(
                                "PolicyName", names.function(f.name()),
                                "PolicyDocument", Cfn.policyDocument(groups.get(0)))),
                        "Tags",
                        f.tags().isEmpty() ? null : tagList(f)));
        if (f.alarms()) {
            alarm(t, f, id, "Errors");
            alarm(t, f, id, "Throttles");
        }
        Map<String, Object> properties = Cfn.map(
                "FunctionName", names.function(f.name()),
                "Description", f.description(),
                "Runtime",
                        RuntimeSupport.find(f.runtime(), Provider.AWS)
                                .orElseThrow()
                                .nativeId(),
                "Handler", EntryModules.handler(f),
                "MemorySize", f.memoryMb(),
                "Timeout", (int) f.timeout().toSeconds(),
                "Architectures", List.of(f.architecture().id()),
                "Role", Cfn.getAtt(role, "Arn"),
                "Environment", f.environment().isEmpty() ? null : Cfn.map("Variables", environment(f)),
                "LoggingConfig", Cfn.map("LogGroup", Cfn.ref(logGroup)));
        Object onFailure = f.deadLetter() == null ? null : refs.arn(f.deadLetter());
        boolean async = events.hasAsyncTriggers() || f.deadLetter() != null || f.retries() != DEFAULT_RETRIES;
        return new FunctionParts(f, id, properties, codeKey, events, routes, onFailure, async);
    }

    private Map<String, Object> environment(Function f) throws dev.strato.generator.GenerationException {
        for (Map.Entry<String, Value> e : f.environment().entrySet()) {
            java.util.Set<String> secrets = new TreeSet<>();
            collectSecrets(e.getValue(), secrets);
            if (secrets.isEmpty()) continue;
            String taken = e.getValue() instanceof Value.Secret
                    ? e.getKey() + SECRET_ARN_SUFFIX
                    : e.getKey() + SECRET_TEMPLATE_SUFFIX;
            if (f.environment().containsKey(taken) || f.environment().containsKey(SECRETS_VARIABLE)) {
                String name = f.environment().containsKey(taken) ? taken : SECRETS_VARIABLE;
                throw new dev.strato.generator.GenerationException("functions." + f.name() + ".environment." + name
                        + ": on AWS strato passes secret variable " + e.getKey() + " as " + taken + " and "
                        + SECRETS_VARIABLE
                        + "; rename " + name);
            }
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        List<String> secretVariables = new java.util.ArrayList<>();
        f.environment().forEach((k, v) -> {
            // a secret's value never enters the template: the function gets where to read it, and
            // its adapter (or, for a native handler, its own code) reads it with GetSecretValue
            java.util.Set<String> secrets = new TreeSet<>();
            collectSecrets(v, secrets);
            if (secrets.isEmpty()) {
                vars.put(k, refs.value(v));
                return;
            }
            secretVariables.add(k);
            if (v instanceof Value.Secret s) vars.put(k + SECRET_ARN_SUFFIX, ResourceRefs.secretId(s.name()));
            else vars.put(k + SECRET_TEMPLATE_SUFFIX, refs.secretTemplate(v));
        });
        // the adapter fills in only the variables named here, not every variable that happens to end in _SECRET_ARN
        if (!secretVariables.isEmpty()) vars.put(SECRETS_VARIABLE, String.join(",", secretVariables));
        return vars;
    }

    private Policy policy(Function f, FunctionEvents events, String logGroup) {
        Policy p = new Policy();
        p.allow("Logs", Cfn.getAtt(logGroup, "Arn"), List.of("logs:CreateLogStream", "logs:PutLogEvents"));
        f.permissions().forEach((resource, verbs) -> verbs.forEach(v -> permissions.grant(p, resource, v)));
        for (FunctionEvents.Queue q : events.queues) {
            p.allow(LogicalIds.pascal(q.queue()) + "Queue", refs.arn(q.queue()), Permissions.QUEUE_CONSUMER);
        }
        for (FunctionEvents.Table s : events.tables) {
            p.allow(
                    LogicalIds.pascal(s.table()) + "Stream",
                    Cfn.getAtt(refs.id(s.table()), "StreamArn"),
                    Permissions.STREAM_CONSUMER);
        }
        if (f.deadLetter() != null)
            p.allow(LogicalIds.pascal(f.deadLetter()) + "Queue", refs.arn(f.deadLetter()), List.of("sqs:SendMessage"));
        TreeSet<String> secrets = new TreeSet<>();
        f.environment().values().forEach(v -> collectSecrets(v, secrets));
        for (String s : secrets)
            p.allow(
                    "Secret" + LogicalIds.pascal(s.replaceAll("[^A-Za-z0-9]", "-")),
                    ResourceRefs.secretArn(s),
                    List.of("secretsmanager:GetSecretValue"));
        if (f.tracing()) p.allow("XRay", "*", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
        return p;
    }

    static void collectSecrets(Value v, java.util.Set<String> into) {
        if (v instanceof Value.Secret s) into.add(s.name());
        else if (v instanceof Value.Concat c) c.parts().forEach(p -> collectSecrets(p, into));
    }

    private void alarm(Template t, Function f, String functionId, String metric) {
        t.resource(
                LogicalIds.pascal(f.name()) + metric + "Alarm",
                "AWS::CloudWatch::Alarm",
                Cfn.map(
                        "AlarmName",
                        names.alarm(f.name(), metric),
                        "AlarmDescription",
                        metric + " of function " + f.name() + " in the last 5 minutes",
                        "Namespace",
                        "AWS/Lambda",
                        "MetricName",
                        metric,
                        "Dimensions",
                        List.of(Cfn.map("Name", "FunctionName", "Value", Cfn.ref(functionId))),
                        "Statistic",
                        "Sum",
                        "Period",
                        300,
                        "EvaluationPeriods",
                        1,
                        "Threshold",
                        1,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold",
                        "TreatMissingData",
                        "notBreaching"));
    }

    static List<Object> tagList(Function f) {
        return f.tags().entrySet().stream()
                .map(e -> (Object) Cfn.map("Key", e.getKey(), "Value", e.getValue()))
                .toList();
    }
}
