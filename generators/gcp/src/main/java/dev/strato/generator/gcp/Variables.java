package dev.strato.generator.gcp;

import dev.strato.model.Providers;

/** The input variables: project and region, defaulting to the model's, so one configuration can also go to another project. */
final class Variables {

    static final String PROJECT = "project";
    static final String REGION = "region";

    private Variables() {}

    static void declare(Configuration c, Providers.Gcp gcp) {
        c.variable(PROJECT, "string", gcp.project(), "GCP project id (providers.gcp.project)");
        c.variable(REGION, "string", gcp.region(), "GCP region of every regional resource (providers.gcp.region)");
    }

    static Tf.Expr project() {
        return Tf.var(PROJECT);
    }

    static Tf.Expr region() {
        return Tf.var(REGION);
    }
}
