package dev.strato.generator;

import dev.strato.model.providers.Provider;

/**
 * Renders a validated service into one provider's native artifacts. Implementations are pure:
 * model in, files out (they may read the project's sources through the context), and are found
 * with {@link java.util.ServiceLoader}.
 */
public interface Generator {

    Provider provider();

    /** Adds every file of this provider's output, relative to the provider's folder, to {@code out}. */
    void generate(GenerationContext context, OutputTree out) throws GenerationException;
}
