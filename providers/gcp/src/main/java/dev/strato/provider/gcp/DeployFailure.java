package dev.strato.provider.gcp;

import dev.strato.provider.ProviderException;
import java.util.List;

/**
 * What a failed apply reports, as one error line and the Terraform error lines before it; whether the failure is
 * only IAM propagation (worth retrying) and whether the domain restricted sharing policy refused allUsers.
 */
record DeployFailure(String what, List<String> errors, String logs) {

    boolean onlyIamPropagation() {
        return !errors.isEmpty() && errors.stream().allMatch(GcpErrors::iamPropagation);
    }

    boolean domainRestricted() {
        return errors.stream().anyMatch(GcpErrors::domainRestricted);
    }

    ProviderException exception() {
        String where = logs == null || logs.isBlank() ? "" : " (build logs: " + logs + ")";
        if (domainRestricted())
            return new ProviderException(what + " failed: " + GcpErrors.DOMAIN_RESTRICTED + where, errors);
        return new ProviderException(
                what + " failed with " + errors.size() + " Terraform error" + (errors.size() == 1 ? "" : "s") + where,
                errors);
    }
}
