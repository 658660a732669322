package dev.strato.provider.gcp;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import java.util.List;
import java.util.Map;

/** What applies main.tf.json: Infrastructure Manager (default) or a local terraform/tofu. */
interface Engine {

    /** Uploads what is missing and applies; with {@code execute} false, plans and leaves the plan for review. */
    DeployResult deploy(GeneratedConfig config, boolean execute, ProgressListener progress);

    /** The changes a deploy would make, by resource. */
    List<ResourceChange> diff(GeneratedConfig config, ProgressListener progress);

    /** The deployment's state ("ACTIVE", …) and its Terraform outputs; null when nothing is deployed. */
    Deployed deployed();

    /** Destroys what the configuration made, keeping buckets and Firestore databases unless {@code includeData}. */
    RemoveResult remove(GeneratedConfig config, boolean includeData, ProgressListener progress);

    /** A deployed configuration: its state and outputs. */
    record Deployed(String name, String state, Map<String, String> outputs) {}
}
