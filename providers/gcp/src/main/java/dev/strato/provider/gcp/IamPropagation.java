package dev.strato.provider.gcp;

import dev.strato.provider.ProgressListener;

/**
 * The wait before an apply is tried again because its only errors are IAM propagation (new grants and service
 * agents take minutes to be visible: https://cloud.google.com/iam/docs/access-change-propagation).
 */
final class IamPropagation {

    private IamPropagation() {}

    /** Whether attempt {@code attempt} failed only on IAM propagation and may be retried; if so, says so and waits. */
    static boolean waitBeforeRetry(DeployFailure failure, int attempt, ClientSettings s, ProgressListener progress) {
        if (!failure.onlyIamPropagation() || attempt >= s.iamAttempts()) return false;
        progress.step("Waiting for IAM: new grants and service agents take a few minutes to propagate (retry " + attempt
                + " of " + (s.iamAttempts() - 1) + " in " + s.iamBackoff().toSeconds() + " s)");
        try {
            Thread.sleep(s.iamBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.exception();
        }
        return true;
    }
}
