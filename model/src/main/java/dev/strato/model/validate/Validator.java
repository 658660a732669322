package dev.strato.model.validate;

import dev.strato.model.SourceMap;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Semantic checks of a bound model; every finding is collected, none stops the others. */
public final class Validator {

    private Validator() {}

    /**
     * @param providers the providers in force (validated against their limits and runtimes)
     * @param today the date deprecations are judged by
     */
    public static void validate(
            Service service,
            SourceMap sources,
            Diagnostics diagnostics,
            List<Provider> providers,
            LocalDate today,
            Path projectDir) {
        Context c = new Context(service, sources, diagnostics, List.copyOf(providers), today, projectDir);
        new ServiceChecks(c).run();
        new FunctionChecks(c).run();
        new EventChecks(c).run();
        new ResourceChecks(c).run();
        new AzureChecks(c).run();
        new GcpChecks(c).run();
        new PackageChecks(c).run();
    }
}
