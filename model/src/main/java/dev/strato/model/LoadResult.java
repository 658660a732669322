package dev.strato.model;

import dev.strato.model.diag.Diagnostics;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.util.List;
import java.util.Optional;

/**
 * A loaded model: the service (absent when the file could not be read into one), every
 * diagnostic, where each path was written, and the providers it was validated for.
 */
public record LoadResult(
        Optional<Service> service, Diagnostics diagnostics, SourceMap sources, List<Provider> providers) {

    public boolean isValid() {
        return service.isPresent() && !diagnostics.hasErrors();
    }
}
