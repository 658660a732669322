package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;

/**
 * Azure Resource Manager's template limits
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits):
 * both are hard limits of a deployment, so the stack is refused, not warned about.
 */
final class StackLimits {

    static final int MAX_RESOURCES = 800;
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private StackLimits() {}

    static void check(StackBuilder.Stack s, Warnings warnings) throws GenerationException {
        if (s.resourceCount() > MAX_RESOURCES) {
            throw new GenerationException("the template has " + s.resourceCount()
                    + " resources; Azure Resource Manager takes at most " + MAX_RESOURCES + " per template");
        }
        if (s.body().length > MAX_BYTES) {
            throw new GenerationException(AzureGenerator.TEMPLATE + " has " + s.body().length
                    + " bytes; Azure Resource Manager takes templates up to 4 MB");
        }
    }
}
