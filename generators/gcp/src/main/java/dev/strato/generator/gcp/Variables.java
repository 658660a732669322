package dev.strato.generator.gcp;

import dev.strato.model.providers.Providers;

/** The input variables: project and region, defaulting to the model's, so one configuration can also go to another project. */
final class Variables {

    static final String PROJECT = "project";
    static final String REGION = "region";
    /** True makes a destroy delete the Firestore databases and non-empty buckets too (set it by an apply first: the provider reads both at destroy from the state). */
    static final String DELETE_DATA = "delete_data";
    /** False leaves out every allUsers invoker grant, for projects whose organization policy forbids them (domain restricted sharing). */
    static final String ALLOW_UNAUTHENTICATED = "allow_unauthenticated";

    private Variables() {}

    static void declare(Configuration c, Providers.Gcp gcp) {
        c.variable(PROJECT, "string", gcp.project(), "GCP project id (providers.gcp.project)");
        c.variable(REGION, "string", gcp.region(), "GCP region of every regional resource (providers.gcp.region)");
        c.variable(
                DELETE_DATA,
                "bool",
                false,
                "destroy deletes Firestore databases and non-empty buckets (strato remove --include-data); false abandons the databases and refuses non-empty buckets");
        c.variable(
                ALLOW_UNAUTHENTICATED,
                "bool",
                true,
                "grant roles/run.invoker to allUsers on functions with auth: none routes; false where an organization policy forbids allUsers");
    }

    static Tf.Expr project() {
        return Tf.var(PROJECT);
    }

    static Tf.Expr region() {
        return Tf.var(REGION);
    }
}
