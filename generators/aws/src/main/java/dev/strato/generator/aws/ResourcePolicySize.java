package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.util.List;

/**
 * Lambda's 20 KB limit on a function's resource-based policy
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): each
 * AWS::Lambda::Permission is one statement in it. With one statement per route a function
 * passes the limit at about 55-60 routes, so above {@link #ROUTES_PER_FUNCTION} routes the
 * CloudFormation format grants the API once ({@code ${HttpApi}/*}). The size is estimated as the
 * statements will be once deployed (names resolved, a 12-digit account, a 10-character API id).
 */
final class ResourcePolicySize {

    static final int LIMIT_BYTES = 20_480;
    /** Up to this many routes a function gets one permission per route (least privilege); above, one for the API. */
    static final int ROUTES_PER_FUNCTION = 20;

    private static final int ACCOUNT = 12;
    private static final int API_ID = 10;
    /** The statement without its variable parts: Sid, Effect, Principal, Action, Resource and Condition keys and quotes. */
    private static final int STATEMENT = 200;

    private final Service service;
    private final AwsNames names;
    private final AwsFormat format;
    private final int region;

    ResourcePolicySize(Service service, AwsNames names, AwsFormat format) {
        this.service = service;
        this.names = names;
        this.format = format;
        this.region = service.providers().aws().region().length();
    }

    /** Whether the CloudFormation format grants the API once instead of route by route. */
    static boolean oneForTheApi(List<HttpApiPlan.Route> routes) {
        return routes.size() > ROUTES_PER_FUNCTION;
    }

    void check(HttpApiPlan api, Warnings out) throws GenerationException {
        for (Function f : service.functions().values()) {
            long size = estimate(f, api.routesOf(f));
            if (size > LIMIT_BYTES) {
                throw new GenerationException(
                        "the resource policy of function " + f.name() + " would take about " + size
                                + " bytes, more than Lambda's " + LIMIT_BYTES + " (one statement per trigger"
                                + (format == AwsFormat.SAM
                                        ? "; SAM grants each route on its own: use format: cloudformation, which grants the API once"
                                        : "")
                                + "); split the function's triggers over more functions");
            }
            if (size >= LIMIT_BYTES * StackLimits.NEAR) {
                out.warn("the resource policy of function " + f.name() + " takes about " + size + " of Lambda's "
                        + LIMIT_BYTES + " bytes");
            }
        }
    }

    long estimate(Function f, List<HttpApiPlan.Route> routes) {
        String stack = names.stack();
        long fixed = STATEMENT + region + names.function(f.name()).length() + stack.length() + 14;
        long size = 0;
        String apiArn =
                "arn:aws:execute-api:" + "x".repeat(region) + ":" + "0".repeat(ACCOUNT) + ":" + "a".repeat(API_ID);
        if (format == AwsFormat.CLOUDFORMATION && oneForTheApi(routes)) {
            size += fixed + LogicalIds.pascal(f.name()).length() + "ApiPermission".length() + apiArn.length() + 2;
        } else {
            for (HttpApiPlan.Route r : routes) {
                size += fixed
                        + LogicalIds.event(f.name(), r.eventName()).length()
                        + "Permission".length()
                        + apiArn.length()
                        + 3
                        + r.arnPath().length();
            }
        }
        for (Event e : f.events()) {
            if (e instanceof Event.Topic t) {
                size += fixed
                        + 40
                        + "arn:aws:sns:".length()
                        + region
                        + 1
                        + ACCOUNT
                        + 1
                        + names.topic(t.topic()).length();
            } else if (e instanceof Event.Bucket b) {
                // with the SourceAccount condition besides the SourceArn
                size += fixed
                        + 40
                        + 50
                        + "arn:aws:s3:::".length()
                        + names.bucket(b.bucket()).length();
            }
        }
        return size;
    }
}
