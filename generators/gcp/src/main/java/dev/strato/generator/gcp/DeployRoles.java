package dev.strato.generator.gcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predefined roles whoever applies the configuration needs (the caller with Terraform, the
 * Infrastructure Manager service account otherwise), from the resource types it holds. Basic roles
 * such as roles/editor are not enough: they cannot set IAM policies, and the configuration grants
 * roles on single buckets, topics, subscriptions, secrets and Cloud Run services.
 */
final class DeployRoles {

    /** The role of each resource type, and what it is needed for; in the order of the README. */
    private static final List<String[]> BY_TYPE = List.of(
            new String[] {Types.PROJECT_SERVICE, "roles/serviceusage.serviceUsageAdmin", "enable the APIs"},
            new String[] {Types.SERVICE_ACCOUNT, "roles/iam.serviceAccountAdmin", "create the service accounts"},
            new String[] {
                Types.FUNCTION,
                "roles/iam.serviceAccountUser",
                "run functions, builds, jobs and pushes as those accounts (actAs)"
            },
            new String[] {Types.FUNCTION, "roles/cloudfunctions.developer", "create and update the functions"},
            new String[] {
                Types.RUN_IAM, "roles/run.admin", "grant roles/run.invoker on the functions' Cloud Run services"
            },
            new String[] {
                Types.PROJECT_IAM,
                "roles/resourcemanager.projectIamAdmin",
                "the project-level grants (build account, Eventarc, Firestore, service agents)"
            },
            new String[] {
                Types.BUCKET,
                "roles/storage.admin",
                "create the buckets, upload the sources and grant roles on single buckets"
            },
            new String[] {Types.TOPIC, "roles/pubsub.admin", "create topics and subscriptions and grant roles on them"},
            new String[] {Types.FIRESTORE, "roles/datastore.owner", "create the Firestore databases"},
            new String[] {Types.SECRET_IAM, "roles/secretmanager.admin", "grant access to single secrets"},
            new String[] {Types.SCHEDULER_JOB, "roles/cloudscheduler.admin", "create the Cloud Scheduler jobs"},
            new String[] {Types.EVENTARC_TRIGGER, "roles/eventarc.admin", "create the Eventarc triggers"},
            new String[] {Types.ALERT_POLICY, "roles/monitoring.alertPolicyEditor", "create the alert policies"},
            new String[] {Types.API, "roles/apigateway.admin", "create the API, its config and the gateway"});

    private DeployRoles() {}

    /** Role and reason, once each, for the types in this configuration. */
    static List<Map<String, Object>> of(Configuration c) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String[] row : BY_TYPE) {
            if (c.resources().containsKey(row[0])) roles.putIfAbsent(row[1], row[2]);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        roles.forEach((role, why) -> list.add(Map.of("role", role, "why", why)));
        return list;
    }
}
