package dev.strato.provider;

/** The function's answer; {@code error} is the function's own error type (null when it succeeded). */
public record InvokeResult(String function, int statusCode, String payload, String error, String logTail) {

    public boolean failed() {
        return error != null;
    }
}
