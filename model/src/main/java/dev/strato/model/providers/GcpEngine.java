package dev.strato.model.providers;

import dev.strato.model.support.Named;

/** What applies the generated Terraform on GCP: Infrastructure Manager (Google's managed Terraform, default) or a local terraform/tofu binary. */
public enum GcpEngine implements Named {
    INFRA_MANAGER,
    TERRAFORM;

    @Override
    public String id() {
        return this == TERRAFORM ? "terraform" : "infra-manager";
    }

    @Override
    public String toString() {
        return id();
    }
}
