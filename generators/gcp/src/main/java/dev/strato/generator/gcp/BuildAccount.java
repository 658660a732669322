package dev.strato.generator.gcp;

import java.util.List;

/**
 * The service account Cloud Build builds the functions as ({@code build_config.service_account}),
 * with the roles Google documents for it. Since July 2024 a new project's default build account has
 * no roles, so a build without an account of its own fails there. Project-level grants: the
 * Artifact Registry repository ({@code gcf-artifacts}) and the source bucket the build reads
 * ({@code gcf-v2-sources-<number>-<region>}) are created by Cloud Functions, not by this
 * configuration.
 */
final class BuildAccount {

    static final String ACCOUNT = "strato_build";
    /** The grant name suffix and the role, in the order the documentation lists them. */
    static final List<String[]> ROLES = List.of(
            new String[] {"log_writer", "roles/logging.logWriter"},
            new String[] {"artifact_writer", "roles/artifactregistry.writer"},
            new String[] {"object_admin", "roles/storage.objectAdmin"});

    private BuildAccount() {}

    static void add(ConfigurationContext ctx) {
        ctx.configuration()
                .resource(
                        Types.SERVICE_ACCOUNT,
                        ACCOUNT,
                        Tf.map(
                                "account_id", ctx.names().serviceAccount("build"),
                                "display_name", "strato " + ctx.names().label() + " Cloud Build",
                                "description",
                                        "Builds the functions of " + ctx.names().label()));
        for (String[] role : ROLES) ctx.iam().project(ACCOUNT + "_" + role[0], role[1], Iam.member(ACCOUNT), null);
    }

    /** {@code projects/P/serviceAccounts/EMAIL}, the form build_config.service_account takes. */
    static Tf.Expr id() {
        return Tf.ref(Types.SERVICE_ACCOUNT, ACCOUNT, "id");
    }

    /** What a function's build waits for: its account's roles. */
    static List<String> grants() {
        return ROLES.stream()
                .map(r -> Types.PROJECT_IAM + "." + ACCOUNT + "_" + r[0])
                .toList();
    }
}
