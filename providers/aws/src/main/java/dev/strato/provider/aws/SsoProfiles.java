package dev.strato.provider.aws;

import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * IAM Identity Center (SSO) profiles. Their credentials come from a cached token that only
 * {@code aws sso login} creates or renews, so a failure to resolve them has one remedy.
 */
final class SsoProfiles {

    private SsoProfiles() {}

    /** The profile the SDK reads: the one given, else AWS_PROFILE / aws.profile, else "default". */
    static String effectiveName(String profile) {
        return profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
    }

    /** True when the SDK gave up because the profile's SSO token is missing or expired (the SDK's own message names no profile). */
    static boolean needsLogin(String profile, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof software.amazon.awssdk.services.sso.auth.ExpiredTokenException
                    || t instanceof software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException)
                return isSso(profile);
        }
        return false;
    }

    private static boolean isSso(String profile) {
        try {
            Optional<Profile> p = ProfileFile.defaultProfileFile().profile(effectiveName(profile));
            return p.isPresent()
                    && (p.get().property("sso_session").isPresent()
                            || p.get().property("sso_start_url").isPresent());
        } catch (RuntimeException unreadable) {
            // a config file the SDK cannot parse is reported by the credentials failure itself
            return false;
        }
    }

    static String loginHint(String profile) {
        String name = effectiveName(profile);
        return "the AWS IAM Identity Center (SSO) login for profile '" + name
                + "' is missing or expired: run 'aws sso login --profile " + name + "'";
    }
}
