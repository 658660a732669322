package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS SAM: functions as {@code AWS::Serverless::Function} with their triggers as SAM events and
 * the API as {@code AWS::Serverless::HttpApi}, so that {@code sam} tooling knows the routes. Roles
 * stay explicit (SAM would attach managed policies with wildcard resources).
 */
final class SamStyle implements TemplateStyle {

    static final String TRANSFORM = "AWS::Serverless-2016-10-31";

    private final ResourceRefs refs;
    private final AwsNames names;

    SamStyle(ResourceRefs refs, AwsNames names) {
        this.refs = refs;
        this.names = names;
    }

    @Override
    public String transform() {
        return TRANSFORM;
    }

    @Override
    public void httpApi(Template t, HttpApiPlan api) throws GenerationException {
        Map<String, Object> authorizers = new LinkedHashMap<>();
        for (HttpApiPlan.Authorizer a : api.authorizers()) {
            authorizers.put(
                    a.name(),
                    Cfn.map(
                            "IdentitySource",
                            "$request.header.Authorization",
                            "JwtConfiguration",
                            Cfn.map("issuer", a.issuer(), "audience", a.audience())));
        }
        t.resource(
                LogicalIds.HTTP_API,
                "AWS::Serverless::HttpApi",
                Cfn.map(
                        "Name", names.api(),
                        "CorsConfiguration", api.corsConfiguration(),
                        "Auth", authorizers.isEmpty() ? null : Cfn.map("Authorizers", authorizers)));
    }

    @Override
    public Object apiUrl() {
        return Cfn.getAtt(LogicalIds.HTTP_API, "ApiEndpoint");
    }

    @Override
    public void function(Template t, FunctionParts p) {
        Map<String, Object> props = new LinkedHashMap<>(p.properties());
        props.put("CodeUri", Cfn.map("Bucket", Cfn.ref(LogicalIds.ARTIFACT_BUCKET), "Key", Cfn.ref(p.codeKey())));
        if (p.function().tracing()) props.put("Tracing", "Active");
        if (!p.function().tags().isEmpty()) props.put("Tags", p.function().tags());
        if (p.asyncConfig()) {
            props.put(
                    "EventInvokeConfig",
                    Cfn.map(
                            "MaximumRetryAttempts", p.function().retries(),
                            "DestinationConfig", onFailure(p)));
        }
        Map<String, Object> events = events(p);
        if (!events.isEmpty()) props.put("Events", events);
        t.resource(p.id(), "AWS::Serverless::Function", props);
        CloudFormationStyle.buckets(t, p, refs);
    }

    private Map<String, Object> events(FunctionParts p) {
        Map<String, Object> events = new LinkedHashMap<>();
        for (HttpApiPlan.Route r : p.routes()) {
            events.put(
                    r.eventName(),
                    event(
                            "HttpApi",
                            Cfn.map(
                                    "ApiId", Cfn.ref(LogicalIds.HTTP_API),
                                    "Method", r.method().id(),
                                    "Path", r.path(),
                                    "PayloadFormatVersion", "2.0",
                                    "Auth", r.authorizer() == null ? null : Cfn.map("Authorizer", r.authorizer()))));
        }
        for (FunctionEvents.Schedule s : p.events().schedules) {
            events.put(
                    s.name(),
                    event(
                            "ScheduleV2",
                            Cfn.map(
                                    "Name", names.schedule(p.function().name(), s.name()),
                                    "ScheduleExpression", s.expression(),
                                    "ScheduleExpressionTimezone", s.timezone(),
                                    "FlexibleTimeWindow", Cfn.map("Mode", "OFF"),
                                    "State", s.enabled() ? "ENABLED" : "DISABLED",
                                    "RoleArn", Cfn.getAtt(LogicalIds.SCHEDULER_ROLE, "Arn"),
                                    "Input", s.input())));
        }
        for (FunctionEvents.Queue q : p.events().queues) {
            events.put(
                    q.name(),
                    event(
                            "SQS",
                            Cfn.map(
                                    "Queue", refs.arn(q.queue()),
                                    "BatchSize", q.batchSize(),
                                    "MaximumBatchingWindowInSeconds", FunctionEvents.batchingWindow(q),
                                    "FunctionResponseTypes", List.of("ReportBatchItemFailures"))));
        }
        for (FunctionEvents.Topic s : p.events().topics) {
            events.put(
                    s.name(),
                    event(
                            "SNS",
                            Cfn.map(
                                    "Topic",
                                    refs.arn(s.topic()),
                                    "FilterPolicy",
                                    s.filter().isEmpty() ? null : s.filter())));
        }
        for (FunctionEvents.Table s : p.events().tables) {
            events.put(
                    s.name(),
                    event(
                            "DynamoDB",
                            Cfn.map(
                                    "Stream", Cfn.getAtt(refs.id(s.table()), "StreamArn"),
                                    "StartingPosition", FunctionEvents.STARTING_POSITION,
                                    "BatchSize", s.batchSize(),
                                    "BisectBatchOnFunctionError", true,
                                    "MaximumRetryAttempts", p.function().retries(),
                                    "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                                    "DestinationConfig", onFailure(p))));
        }
        return events;
    }

    private static Map<String, Object> onFailure(FunctionParts p) {
        return p.onFailure() == null
                ? null
                : Cfn.map("OnFailure", Cfn.map("Type", "SQS", "Destination", p.onFailure()));
    }

    private static Map<String, Object> event(String type, Map<String, Object> properties) {
        return Cfn.map("Type", type, "Properties", properties);
    }
}
