package dev.strato.provider.gcp;

import dev.strato.provider.ProviderException;
import java.util.Locale;
import java.util.function.Supplier;

/** Turns Google API failures into one line that says what strato was doing and what Google answered. */
final class GcpErrors {

    private GcpErrors() {}

    static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (GoogleApiException e) {
            throw new ProviderException("could not " + doing + ": " + describe(e), e);
        } catch (com.google.cloud.BaseServiceException e) {
            throw new ProviderException(
                    "could not " + doing + ": " + (e.getReason() == null ? "HTTP " + e.getCode() : e.getReason()) + ": "
                            + firstLine(e.getMessage()),
                    e);
        } catch (com.google.api.gax.rpc.ApiException e) {
            throw new ProviderException(
                    "could not " + doing + ": " + e.getStatusCode().getCode() + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String describe(GoogleApiException e) {
        String hint = hint(e.getMessage());
        return (e.status() == null ? "HTTP " + e.statusCode() : e.status()) + ": " + firstLine(e.getMessage())
                + (hint == null ? "" : "; " + hint);
    }

    /** What to do about an error that has a known cause: the domain restricted sharing policy, a permission still propagating. */
    static String hint(String message) {
        if (message == null) return null;
        if (domainRestricted(message)) return DOMAIN_RESTRICTED;
        return null;
    }

    static final String DOMAIN_RESTRICTED =
            "the organization policy constraint iam.allowedPolicyMemberDomains (domain restricted sharing)"
                    + " forbids allUsers as an invoker of the public routes: give the routes auth (key or jwt in strato.yml) so that only callers with roles/run.invoker and an ID token reach them,"
                    + " put it behind API Gateway (providers.gcp.gateway: api-gateway) or a load balancer with IAP,"
                    + " or ask an organization administrator for a policy exception on this project";

    static boolean domainRestricted(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("allowedpolicymemberdomains")
                || m.contains("domain restricted sharing")
                || (m.contains("allusers") && m.contains("do not belong to a permitted customer"))
                || m.contains("one or more users named in the policy do not belong to a permitted customer");
    }

    /** An error Terraform reports on a first apply while a new grant or service agent is not visible yet. */
    static boolean iamPropagation(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(Locale.ROOT);
        return (m.contains("permission")
                        && m.contains("denied")
                        && (m.contains("service agent")
                                || m.contains("serviceagent")
                                || m.contains("eventarc")
                                || m.contains("iam.serviceaccounts.actas")
                                || m.contains("propagat")))
                || m.contains("validating access to")
                || m.contains("try again in a few minutes")
                || m.contains("service account does not exist")
                || m.contains("invalid argument: service account")
                || (m.contains("eventarc") && m.contains("permission"));
    }

    static String firstLine(String message) {
        if (message == null) return "no details";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
