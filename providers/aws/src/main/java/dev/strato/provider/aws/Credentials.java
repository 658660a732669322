package dev.strato.provider.aws;

import dev.strato.provider.Connection;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The default credentials chain, except that the command's own environment comes first: the
 * SDK reads only the process environment, and in-process runs (tests, embedding) pass another.
 */
final class Credentials {

    private Credentials() {}

    static AwsCredentialsProvider provider(Connection connection, String profile) {
        Map<String, String> env = connection.environment();
        if (profile != null)
            return ProfileCredentialsProvider.builder().profileName(profile).build();
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (present(id) && present(secret)) {
            String token = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(
                    present(token)
                            ? AwsSessionCredentials.create(id, secret, token)
                            : AwsBasicCredentials.create(id, secret));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static String missing(String profile, Exception cause) {
        if (SsoProfiles.needsLogin(profile, cause)) return SsoProfiles.loginHint(profile);
        if (profile != null)
            return "no AWS credentials for profile '" + profile
                    + "': check ~/.aws/credentials and ~/.aws/config, or run 'aws configure --profile " + profile + "'";
        return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile NAME (or set AWS_PROFILE) for a profile in ~/.aws";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
