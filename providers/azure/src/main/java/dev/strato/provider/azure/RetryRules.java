package dev.strato.provider.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Exponential backoff with jitter that retries what can clear (408, 429, 5xx but 501/505, dropped or
 * timed-out connections) and never a credential failure: a missing or rejected sign-in does not get
 * better by waiting, and the user should hear about it at once.
 */
final class RetryRules implements RetryStrategy {

    private final ExponentialBackoff backoff;
    private final boolean functionCalls;

    /**
     * @param functionCalls for calls to the app's own functions: their 500 is the function's answer and a
     *     re-sent request could run it twice, so only 429/503 (host busy or starting) and connections
     *     that never reached the app are retried
     */
    RetryRules(ClientSettings settings, boolean functionCalls) {
        this.functionCalls = functionCalls;
        this.backoff = new ExponentialBackoff(new ExponentialBackoffOptions()
                .setMaxRetries(settings.maxRetries())
                .setBaseDelay(settings.baseDelay())
                .setMaxDelay(settings.maxDelay()));
    }

    @Override
    public int getMaxRetries() {
        return backoff.getMaxRetries();
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
        return backoff.calculateRetryDelay(retryAttempts);
    }

    @Override
    public boolean shouldRetry(HttpResponse response) {
        if (functionCalls) return response.getStatusCode() == 429 || response.getStatusCode() == 503;
        return backoff.shouldRetry(response);
    }

    @Override
    public boolean shouldRetryException(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) return false;
        }
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (functionCalls) {
                if (t instanceof java.net.ConnectException) return true;
                continue;
            }
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException)
                return true;
        }
        return false;
    }

    @Override
    public boolean shouldRetryCondition(RequestRetryCondition condition) {
        return condition.getResponse() != null
                ? shouldRetry(condition.getResponse())
                : shouldRetryException(condition.getThrowable());
    }
}
