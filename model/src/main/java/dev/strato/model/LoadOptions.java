package dev.strato.model;

import dev.strato.model.providers.Provider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * @param stage the stage from the command line, or null for the file's (else dev)
 * @param params {@code --param NAME=VALUE} values for {@code ${opt:NAME}}
 * @param environment what {@code ${env:NAME}} reads
 * @param providers the providers to validate for; empty: those with a block in the file
 * @param today the date runtime deprecations are judged by
 */
public record LoadOptions(
        String stage,
        Map<String, String> params,
        Map<String, String> environment,
        List<Provider> providers,
        LocalDate today) {

    public LoadOptions {
        params = Map.copyOf(params);
        environment = Map.copyOf(environment);
        providers = List.copyOf(providers);
    }

    public static LoadOptions defaults() {
        return new LoadOptions(null, Map.of(), System.getenv(), List.of(), LocalDate.now());
    }
}
