package dev.strato.generator.azure;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.StackGenerator;
import dev.strato.generator.Warnings;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import dev.strato.model.support.Dependencies;
import dev.strato.templates.Templates;
import java.util.List;

/**
 * Renders a service as one Azure Functions app: {@code azuredeploy.json} (an ARM template of the
 * app and the service's resources), {@code app/} (host.json, a function.json per function and
 * the handler code) and {@code app.zip}, the same tree as a deterministic package.
 */
public final class AzureGenerator extends StackGenerator<StackBuilder.Stack> {

    public static final String TEMPLATE = "azuredeploy.json";

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    /** The dependencies that package.json or requirements.txt declares and the package does not hold. */
    private static List<Dependencies.Declared> unvendored(GenerationContext context, List<String> files)
            throws GenerationException {
        var runtime = context.service().functions().values().stream()
                .filter(f -> !f.events().isEmpty())
                .map(f -> f.runtime())
                .findFirst();
        if (runtime.isEmpty() || runtime.get() == null) return List.of();
        try {
            return Dependencies.missing(
                    Dependencies.declared(context.projectDir(), runtime.get().language()), Dependencies.in(files));
        } catch (java.io.IOException e) {
            throw new GenerationException("cannot read the project's dependencies: " + e.getMessage(), e);
        }
    }

    @Override
    protected StackBuilder.Stack build(GenerationContext context, Warnings warnings) throws GenerationException {
        Service service = context.service();
        if (service.providers().azure() == null)
            throw new GenerationException("the service has no providers.azure block");
        List<String> files = AppPackage.projectFiles(context);
        EntryModules entryModules =
                new EntryModules(service, context.projectDir(), Templates.forProject(context.projectDir()));
        return new StackBuilder(service, warnings, entryModules).build(files, unvendored(context, files));
    }

    @Override
    protected void checkLimits(StackBuilder.Stack stack, Warnings warnings) throws GenerationException {
        StackLimits.check(stack, warnings);
    }

    @Override
    protected void write(StackBuilder.Stack stack, GenerationContext context, OutputTree out)
            throws GenerationException {
        out.add(TEMPLATE, stack.body());
        AppPackage.write(context, stack, out);
    }
}
