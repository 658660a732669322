package dev.strato.generator.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployed stack would be, read from a plain template or from a translated SAM template in
 * the same terms, so that the two can be compared: resource types and counts, every data resource,
 * role, log group, alarm and function with its properties, and the triggers by their content
 * rather than by the logical ids SAM gives them. The routes, authorizers and CORS settings come
 * from Route/Integration/Authorizer resources in one and from SAM's OpenAPI body in the other.
 */
final class StackFacts {

    private static final Set<String> INLINED_BY_SAM =
            Set.of("AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Authorizer");
    private static final Set<String> BY_ID = Set.of(
            "AWS::DynamoDB::Table",
            "AWS::SQS::Queue",
            "AWS::SNS::Topic",
            "AWS::Logs::LogGroup",
            "AWS::IAM::Role",
            "AWS::CloudWatch::Alarm",
            "AWS::S3::BucketPolicy",
            "AWS::Lambda::Function",
            "AWS::S3::Bucket");
    private static final Map<String, String> BY_CONTENT = Map.of(
            "AWS::Lambda::EventSourceMapping", "mappings",
            "AWS::SNS::Subscription", "subscriptions",
            "AWS::Scheduler::Schedule", "schedules",
            "AWS::Lambda::EventInvokeConfig", "invokeConfigs");
    private static final Pattern FUNCTION_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}");

    private StackFacts() {}

    static Map<String, Object> of(Map<String, Object> template) {
        Map<String, Object> tree = Trees.normalized(template);
        Map<String, Object> resources = Trees.map(tree.get("Resources"));
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Object> byId = new TreeMap<>();
        Map<String, List<String>> byContent = new TreeMap<>();
        List<String> permissions = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> r = Trees.map(value);
            String type = (String) r.get("Type");
            Map<String, Object> props = new LinkedHashMap<>(Trees.map(r.getOrDefault("Properties", Map.of())));
            if (!INLINED_BY_SAM.contains(type)) types.merge(type, 1, Integer::sum);
            if (type.equals("AWS::Lambda::Function")) withoutSamTag(props);
            if (type.equals("AWS::S3::Bucket") && props.containsKey("NotificationConfiguration")) {
                for (Object c : Trees.list(
                        Trees.map(props.remove("NotificationConfiguration")).get("LambdaConfigurations"))) {
                    notifications.add(id + " " + Trees.json(c));
                }
            }
            if (BY_ID.contains(type))
                byId.put(
                        id,
                        Map.of(
                                "Type",
                                type,
                                "Properties",
                                props,
                                "DeletionPolicy",
                                String.valueOf(r.get("DeletionPolicy"))));
            if (BY_CONTENT.containsKey(type))
                byContent
                        .computeIfAbsent(BY_CONTENT.get(type), k -> new ArrayList<>())
                        .add(Trees.json(props));
            if (type.equals("AWS::Lambda::Permission"))
                permissions.add(Trees.json(props.get("FunctionName")) + " " + props.get("Principal"));
        });
        byContent.values().forEach(l -> l.sort(null));
        permissions.sort(null);
        notifications.sort(null);
        facts.put("types", types);
        facts.put("resources", byId);
        facts.put("triggers", byContent);
        facts.put("permissions", permissions);
        facts.put("bucketNotifications", notifications);
        facts.put("httpApi", httpApi(resources));
        return facts;
    }

    private static void withoutSamTag(Map<String, Object> props) {
        if (!props.containsKey("Tags")) return;
        List<Object> tags = new ArrayList<>(Trees.list(props.get("Tags")));
        tags.removeIf(t -> "lambda:createdBy".equals(Trees.map(t).get("Key")));
        if (tags.isEmpty()) props.remove("Tags");
        else props.put("Tags", tags);
    }

    private static Map<String, Object> httpApi(Map<String, Object> resources) {
        Map<String, Object> api = new TreeMap<>();
        List<String> routes = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> r = Trees.map(value);
            Map<String, Object> props = Trees.map(r.getOrDefault("Properties", Map.of()));
            switch ((String) r.get("Type")) {
                case "AWS::ApiGatewayV2::Api" -> {
                    Map<String, Object> body = props.containsKey("Body") ? Trees.map(props.get("Body")) : null;
                    if (body == null) {
                        api.put("name", props.get("Name"));
                        api.put("cors", lowerKeys(props.get("CorsConfiguration")));
                    } else {
                        api.put("name", Trees.map(body.get("info")).get("title"));
                        api.put("cors", body.get("x-amazon-apigateway-cors"));
                        routes.addAll(openApiRoutes(body));
                    }
                }
                case "AWS::ApiGatewayV2::Stage" ->
                    api.put("stage", props.get("StageName") + " autoDeploy=" + props.get("AutoDeploy"));
                case "AWS::ApiGatewayV2::Route" -> {
                    String target = (String) Trees.map(props.get("Target")).get("Fn::Sub");
                    String integration = target.substring(target.indexOf("${") + 2, target.length() - 1);
                    Map<String, Object> integrationProps =
                            Trees.map(Trees.map(resources.get(integration)).get("Properties"));
                    String function = (String) Trees.list(Trees.map(integrationProps.get("IntegrationUri"))
                                    .get("Fn::GetAtt"))
                            .get(0);
                    String auth = "none";
                    if (props.containsKey("AuthorizerId")) {
                        String authorizer =
                                (String) Trees.map(props.get("AuthorizerId")).get("Ref");
                        Map<String, Object> jwt = Trees.map(
                                Trees.map(Trees.map(resources.get(authorizer)).get("Properties"))
                                        .get("JwtConfiguration"));
                        auth = jwt.get("Issuer") + " " + jwt.get("Audience");
                    }
                    routes.add(props.get("RouteKey") + " -> " + function + " auth " + auth);
                }
                default -> {}
            }
        });
        routes.sort(null);
        api.put("routes", routes);
        return api;
    }

    private static List<String> openApiRoutes(Map<String, Object> body) {
        Map<String, Object> schemes = Trees.map(
                Trees.map(body.getOrDefault("components", Map.of())).getOrDefault("securitySchemes", Map.of()));
        List<String> routes = new ArrayList<>();
        Trees.map(body.get("paths"))
                .forEach((path, methods) -> Trees.map(methods).forEach((method, operation) -> {
                    Map<String, Object> op = Trees.map(operation);
                    String uri = (String) Trees.map(Trees.map(op.get("x-amazon-apigateway-integration"))
                                    .get("uri"))
                            .get("Fn::Sub");
                    Matcher m = FUNCTION_ARN.matcher(uri);
                    String function = m.find() ? m.group(1) : uri;
                    String auth = "none";
                    for (Object requirement : Trees.listOf(op.get("security"))) {
                        for (String name : Trees.map(requirement).keySet()) {
                            Map<String, Object> jwt = Trees.map(
                                    Trees.map(Trees.map(schemes.get(name)).get("x-amazon-apigateway-authorizer"))
                                            .get("jwtConfiguration"));
                            auth = jwt.get("issuer") + " " + jwt.get("audience");
                        }
                    }
                    String verb =
                            method.equals("x-amazon-apigateway-any-method") ? "ANY" : method.toUpperCase(Locale.ROOT);
                    routes.add(verb + " " + path + " -> " + function + " auth " + auth);
                }));
        return routes;
    }

    private static Object lowerKeys(Object cors) {
        if (cors == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        Trees.map(cors).forEach((k, v) -> m.put(Character.toLowerCase(k.charAt(0)) + k.substring(1), v));
        return m;
    }
}
