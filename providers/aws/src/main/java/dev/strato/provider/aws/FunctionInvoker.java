package dev.strato.provider.aws;

import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** invoke: Lambda Invoke with the payload; the function's error and the tail of its log when asked. */
final class FunctionInvoker {

    private final LambdaClient lambda;

    FunctionInvoker(LambdaClient lambda) {
        this.lambda = lambda;
    }

    InvokeResult invoke(String deployedName, InvokeRequest request) {
        InvokeResponse response = AwsErrors.call(
                "invoke function " + deployedName,
                () -> lambda.invoke(b -> b.functionName(deployedName)
                        .payload(SdkBytes.fromByteArray(request.payload()))
                        .invocationType(request.async() ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                        .logType(request.log() && !request.async() ? LogType.TAIL : LogType.NONE)));
        String payload = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
        String log = response.logResult() == null
                ? null
                : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String error = response.functionError() == null ? null : describeError(response.functionError(), payload);
        return new InvokeResult(request.function(), response.statusCode(), payload, error, log);
    }

    /** Lambda's error payload is {"errorType": ..., "errorMessage": ...}; anything else is shown as it came. */
    private static String describeError(String kind, String payload) {
        String type = field(payload, "errorType");
        String message = field(payload, "errorMessage");
        if (type == null && message == null) return kind + " error";
        return (type == null ? kind : type) + (message == null ? "" : ": " + message);
    }

    private static String field(String json, String name) {
        try {
            Object value = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readValue(json, java.util.Map.class)
                    .get(name);
            return value == null ? null : value.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
