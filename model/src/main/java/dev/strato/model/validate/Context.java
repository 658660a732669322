package dev.strato.model.validate;

import dev.strato.model.SourceMap;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.diag.Position;
import dev.strato.model.diag.Severity;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.support.Suggestions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** What every check needs: the model, where things were written, the providers in force, today. */
record Context(
        Service service,
        SourceMap sources,
        Diagnostics diagnostics,
        List<Provider> providers,
        LocalDate today,
        Path projectDir) {

    void error(String path, String message) {
        diagnostics.error(sources.at(path), path, message);
    }

    /** An error about a name: at the key that names it. */
    void errorAtKey(String path, String message) {
        diagnostics.error(sources.keyAt(path), path, message);
    }

    void warningAtKey(String path, String message) {
        diagnostics.warning(sources.keyAt(path), path, message);
    }

    void warning(String path, String message) {
        diagnostics.warning(sources.at(path), path, message);
    }

    void report(Severity severity, String path, String message) {
        Position at = sources.at(path);
        if (severity == Severity.ERROR) diagnostics.error(at, path, message);
        else diagnostics.warning(at, path, message);
    }

    /** Where a function's setting was written: on the function, else in defaults. */
    String settingPath(Function f, String key) {
        String own = "functions." + f.name() + "." + key;
        if (sources.has(own)) return own;
        String inherited = "defaults." + key;
        return sources.has(inherited) ? inherited : "functions." + f.name();
    }

    String azurePlan() {
        return service.providers().azure() == null
                ? null
                : service.providers().azure().plan().id();
    }

    String planOf(Provider p) {
        return p == Provider.AZURE ? azurePlan() : dev.strato.model.providers.Limits.ANY;
    }

    /**
     * The resource a reference names, or null after reporting a missing one or one of another type.
     * {@code types} lists the accepted types (empty: any).
     */
    Resource resource(String path, String name, String what, List<String> types) {
        Resource r = service.resources().get(name);
        if (r == null) {
            error(
                    path,
                    what + " refers to unknown resource '" + name + "'"
                            + Suggestions.didYouMean(name, service.resources().keySet())
                            + (service.resources().isEmpty() ? " (the file has no resources)" : ""));
            return null;
        }
        if (!types.isEmpty() && !types.contains(r.type())) {
            error(
                    path,
                    what + " needs a " + String.join(" or ", types) + " resource, but '" + name + "' is a " + r.type());
            return null;
        }
        return r;
    }
}
