package dev.strato.generator.aws;

import dev.strato.model.service.Function;
import java.util.List;
import java.util.Map;

/**
 * What both template formats share about one function.
 *
 * @param properties FunctionName through LoggingConfig, the same keys in AWS::Lambda::Function and AWS::Serverless::Function
 * @param codeKey the template parameter that holds the package's S3 key
 * @param onFailure the dead-letter queue's ARN, or null
 * @param asyncConfig whether to set retries and on-failure destination of asynchronous invocations
 */
record FunctionParts(
        Function function,
        String id,
        Map<String, Object> properties,
        String codeKey,
        FunctionEvents events,
        List<HttpApiPlan.Route> routes,
        Object onFailure,
        boolean asyncConfig) {}
