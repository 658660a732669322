package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;

/**
 * The Cloud Run functions quota a configuration can break on its own: at most 1,000 functions per
 * region and project, less the Cloud Run services already there, and not raised on request
 * (https://cloud.google.com/functions/quotas, "Number of functions", checked 2026-12-08).
 * Terraform itself has no limit on a configuration's size.
 */
final class StackLimits {

    static final int FUNCTIONS = 1_000;
    /** Warn from this share of the limit on: the region's other services count against it too. */
    static final double NEAR = 0.9;

    private StackLimits() {}

    static void check(StackBuilder.Stack s, Warnings warnings) throws GenerationException {
        int n = s.configuration()
                .resources()
                .getOrDefault(Types.FUNCTION, java.util.Map.of())
                .size();
        if (n > FUNCTIONS) {
            throw new GenerationException("the configuration has " + n + " functions, more than the " + FUNCTIONS
                    + " Cloud Run functions allows in one region of a project; split the service");
        }
        if (n >= FUNCTIONS * NEAR) {
            warnings.warn("the configuration has " + n + " functions, close to the " + FUNCTIONS
                    + " Cloud Run functions allows in one region of a project (with its other Cloud Run services)");
        }
    }
}
