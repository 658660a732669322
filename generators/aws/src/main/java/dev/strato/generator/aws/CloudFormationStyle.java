package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain CloudFormation: every route, integration, permission, schedule and mapping as its own resource. */
final class CloudFormationStyle implements TemplateStyle {

    private final ResourceRefs refs;
    private final AwsNames names;

    CloudFormationStyle(ResourceRefs refs, AwsNames names) {
        this.refs = refs;
        this.names = names;
    }

    @Override
    public String transform() {
        return null;
    }

    @Override
    public void httpApi(Template t, HttpApiPlan api) throws GenerationException {
        t.resource(
                LogicalIds.HTTP_API,
                "AWS::ApiGatewayV2::Api",
                Cfn.map(
                        "Name", names.api(),
                        "ProtocolType", "HTTP",
                        "CorsConfiguration", api.corsConfiguration()));
        t.resource(
                LogicalIds.HTTP_API_STAGE,
                "AWS::ApiGatewayV2::Stage",
                Cfn.map("ApiId", Cfn.ref(LogicalIds.HTTP_API), "StageName", "$default", "AutoDeploy", true));
        for (HttpApiPlan.Authorizer a : api.authorizers()) {
            t.resource(
                    LogicalIds.HTTP_API + a.name() + "Authorizer",
                    "AWS::ApiGatewayV2::Authorizer",
                    Cfn.map(
                            "ApiId", Cfn.ref(LogicalIds.HTTP_API),
                            "Name", a.name(),
                            "AuthorizerType", "JWT",
                            "IdentitySource", List.of("$request.header.Authorization"),
                            "JwtConfiguration", Cfn.map("Issuer", a.issuer(), "Audience", a.audience())));
        }
    }

    @Override
    public Object apiUrl() {
        return Cfn.getAtt(LogicalIds.HTTP_API, "ApiEndpoint");
    }

    @Override
    public void function(Template t, FunctionParts p) {
        Map<String, Object> props = new java.util.LinkedHashMap<>(p.properties());
        props.put("Code", Cfn.map("S3Bucket", Cfn.ref(LogicalIds.ARTIFACT_BUCKET), "S3Key", Cfn.ref(p.codeKey())));
        if (p.function().tracing()) props.put("TracingConfig", Cfn.map("Mode", "Active"));
        if (!p.function().tags().isEmpty()) props.put("Tags", FunctionResources.tagList(p.function()));
        t.resource(p.id(), "AWS::Lambda::Function", props);
        if (p.asyncConfig()) {
            t.resource(
                    LogicalIds.pascal(p.function().name()) + "EventInvokeConfig",
                    "AWS::Lambda::EventInvokeConfig",
                    Cfn.map(
                            "FunctionName",
                            Cfn.ref(p.id()),
                            "Qualifier",
                            "$LATEST",
                            "MaximumRetryAttempts",
                            p.function().retries(),
                            "DestinationConfig",
                            p.onFailure() == null
                                    ? null
                                    : Cfn.map("OnFailure", Cfn.map("Destination", p.onFailure()))));
        }
        routes(t, p);
        schedules(t, p);
        queues(t, p);
        topics(t, p);
        buckets(t, p, refs);
        tables(t, p);
    }

    private void routes(Template t, FunctionParts p) {
        if (p.routes().isEmpty()) return;
        String integration = LogicalIds.integration(p.function().name());
        t.resource(
                integration,
                "AWS::ApiGatewayV2::Integration",
                Cfn.map(
                        "ApiId",
                        Cfn.ref(LogicalIds.HTTP_API),
                        "IntegrationType",
                        "AWS_PROXY",
                        "IntegrationUri",
                        Cfn.getAtt(p.id(), "Arn"),
                        "PayloadFormatVersion",
                        "2.0"));
        boolean oneForTheApi = ResourcePolicySize.oneForTheApi(p.routes());
        if (oneForTheApi) {
            // one statement per route would grow the function's resource policy past Lambda's 20 KB
            permission(
                    t,
                    LogicalIds.pascal(p.function().name()) + "ApiPermission",
                    p.id(),
                    "apigateway.amazonaws.com",
                    Cfn.arn("execute-api", "${" + LogicalIds.HTTP_API + "}/*"),
                    null);
        }
        for (HttpApiPlan.Route r : p.routes()) {
            String id = LogicalIds.event(p.function().name(), r.eventName());
            t.resource(
                    id + "Route",
                    "AWS::ApiGatewayV2::Route",
                    Cfn.map(
                            "ApiId", Cfn.ref(LogicalIds.HTTP_API),
                            "RouteKey", r.routeKey(),
                            "Target", Cfn.sub("integrations/${" + integration + "}"),
                            "AuthorizationType", r.authorizer() == null ? null : "JWT",
                            "AuthorizerId",
                                    r.authorizer() == null
                                            ? null
                                            : Cfn.ref(LogicalIds.HTTP_API + r.authorizer() + "Authorizer")));
            if (!oneForTheApi) {
                permission(
                        t,
                        id + "Permission",
                        p.id(),
                        "apigateway.amazonaws.com",
                        Cfn.arn("execute-api", "${" + LogicalIds.HTTP_API + "}/*/" + r.arnPath()),
                        null);
            }
        }
    }

    private void schedules(Template t, FunctionParts p) {
        for (FunctionEvents.Schedule s : p.events().schedules) {
            t.resource(
                    LogicalIds.event(p.function().name(), s.name()),
                    "AWS::Scheduler::Schedule",
                    Cfn.map(
                            "Name", names.schedule(p.function().name(), s.name()),
                            "ScheduleExpression", s.expression(),
                            "ScheduleExpressionTimezone", s.timezone(),
                            "FlexibleTimeWindow", Cfn.map("Mode", "OFF"),
                            "State", s.enabled() ? "ENABLED" : "DISABLED",
                            "Target",
                                    Cfn.map(
                                            "Arn", Cfn.getAtt(p.id(), "Arn"),
                                            "RoleArn", Cfn.getAtt(LogicalIds.SCHEDULER_ROLE, "Arn"),
                                            "Input", s.input())));
        }
    }

    private void queues(Template t, FunctionParts p) {
        for (FunctionEvents.Queue q : p.events().queues) {
            t.resource(
                    LogicalIds.event(p.function().name(), q.name()) + "Mapping",
                    "AWS::Lambda::EventSourceMapping",
                    Cfn.map(
                            "FunctionName", Cfn.ref(p.id()),
                            "EventSourceArn", refs.arn(q.queue()),
                            "BatchSize", q.batchSize(),
                            "MaximumBatchingWindowInSeconds", FunctionEvents.batchingWindow(q),
                            "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
        }
    }

    private void topics(Template t, FunctionParts p) {
        for (FunctionEvents.Topic s : p.events().topics) {
            String id = LogicalIds.event(p.function().name(), s.name());
            t.resource(
                    id + "Subscription",
                    "AWS::SNS::Subscription",
                    Cfn.map(
                            "TopicArn",
                            refs.arn(s.topic()),
                            "Protocol",
                            "lambda",
                            "Endpoint",
                            Cfn.getAtt(p.id(), "Arn"),
                            "FilterPolicy",
                            s.filter().isEmpty() ? null : s.filter()));
            permission(t, id + "Permission", p.id(), "sns.amazonaws.com", refs.arn(s.topic()), null);
        }
    }

    /**
     * S3 notifications go into the bucket, which waits for the permission: S3 checks it when the
     * notification is set. The permission names the bucket (SourceArn) and the account: without
     * SourceArn any bucket in the account could invoke the function. SAM's own S3 event grants with
     * SourceAccount only, so the SAM format uses this too.
     */
    static void buckets(Template t, FunctionParts p, ResourceRefs refs) {
        for (FunctionEvents.Bucket b : p.events().buckets) {
            String permission = LogicalIds.event(p.function().name(), b.name()) + "Permission";
            permission(t, permission, p.id(), "s3.amazonaws.com", refs.arn(b.bucket()), Cfn.ref("AWS::AccountId"));
            String bucketId = refs.id(b.bucket());
            Map<String, Object> props = t.properties(bucketId);
            @SuppressWarnings("unchecked")
            Map<String, Object> notification = (Map<String, Object>) props.computeIfAbsent(
                    "NotificationConfiguration", k -> Cfn.map("LambdaConfigurations", new ArrayList<>()));
            @SuppressWarnings("unchecked")
            List<Object> configurations = (List<Object>) notification.get("LambdaConfigurations");
            for (String event : b.s3Events()) {
                configurations.add(Cfn.map(
                        "Event", event, "Function", Cfn.getAtt(p.id(), "Arn"), "Filter", FunctionEvents.s3Filter(b)));
            }
            @SuppressWarnings("unchecked")
            List<Object> dependsOn =
                    (List<Object>) t.resource(bucketId).computeIfAbsent("DependsOn", k -> new ArrayList<>());
            dependsOn.add(permission);
        }
    }

    private void tables(Template t, FunctionParts p) {
        for (FunctionEvents.Table s : p.events().tables) {
            t.resource(
                    LogicalIds.event(p.function().name(), s.name()) + "Mapping",
                    "AWS::Lambda::EventSourceMapping",
                    Cfn.map(
                            "FunctionName", Cfn.ref(p.id()),
                            "EventSourceArn", Cfn.getAtt(refs.id(s.table()), "StreamArn"),
                            "StartingPosition", FunctionEvents.STARTING_POSITION,
                            "BatchSize", s.batchSize(),
                            "BisectBatchOnFunctionError", true,
                            "MaximumRetryAttempts", p.function().retries(),
                            "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                            "DestinationConfig",
                                    p.onFailure() == null
                                            ? null
                                            : Cfn.map("OnFailure", Cfn.map("Destination", p.onFailure()))));
        }
    }

    private static void permission(
            Template t, String id, String function, String principal, Object sourceArn, Object sourceAccount) {
        t.resource(
                id,
                "AWS::Lambda::Permission",
                Cfn.map(
                        "Action", "lambda:InvokeFunction",
                        "FunctionName", Cfn.ref(function),
                        "Principal", principal,
                        "SourceAccount", sourceAccount,
                        "SourceArn", sourceArn));
    }
}
