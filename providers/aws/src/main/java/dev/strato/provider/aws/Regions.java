package dev.strato.provider.aws;

import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/** The region: --region, then strato.yml's providers.aws.region, then AWS_REGION / AWS_DEFAULT_REGION, then the profile's. */
final class Regions {

    private Regions() {}

    static String choose(Connection connection, String fromModel, String profile) {
        for (String candidate : new String[] {
            connection.region(),
            fromModel,
            connection.environment().get("AWS_REGION"),
            connection.environment().get("AWS_DEFAULT_REGION"),
            fromProfile(profile)
        }) {
            if (candidate != null && !candidate.isBlank()) return candidate.strip();
        }
        throw new ProviderException(
                "no AWS region: pass --region, set providers.aws.region in strato.yml, or set AWS_REGION");
    }

    private static String fromProfile(String profile) {
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(profile == null ? "default" : profile)
                    .flatMap(p -> p.property(ProfileProperty.REGION))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
