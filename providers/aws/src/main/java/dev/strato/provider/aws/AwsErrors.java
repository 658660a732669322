package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into one line that says what strato was doing and what AWS answered. */
final class AwsErrors {

    private AwsErrors() {}

    static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new ProviderException("could not " + doing + ": " + describe(e), e);
        }
    }

    static void run(String doing, Runnable call) {
        call(doing, () -> {
            call.run();
            return null;
        });
    }

    static String describe(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + s.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : ": " + firstLine(message));
        }
        if (e instanceof SdkClientException) return firstLine(e.getMessage());
        return firstLine(String.valueOf(e.getMessage()));
    }

    static boolean isCode(Throwable e, String code) {
        return e instanceof AwsServiceException s
                && s.awsErrorDetails() != null
                && code.equals(s.awsErrorDetails().errorCode());
    }

    static boolean notFound(Throwable e) {
        return e instanceof AwsServiceException s && s.statusCode() == 404;
    }

    private static String firstLine(String message) {
        if (message == null) return "no details";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
