package dev.strato.generator.gcp;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.StackGenerator;
import dev.strato.generator.Warnings;
import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;

/**
 * Renders a service as one Terraform JSON configuration for Cloud Functions (2nd gen):
 * {@code main.tf.json}, {@code artifacts/<function>-<sha256-12>.zip} (uploaded by the
 * configuration), {@code README.md} with the apply steps, and with API Gateway its
 * {@code openapi.json}.
 */
public final class GcpGenerator extends StackGenerator<StackBuilder.Stack> {

    public static final String CONFIGURATION = "main.tf.json";
    public static final String README = "README.md";

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    protected StackBuilder.Stack build(GenerationContext context, Warnings warnings) throws GenerationException {
        Service service = context.service();
        if (service.providers().gcp() == null) throw new GenerationException("strato.yml has no providers.gcp block");
        Packages packages = Packager.build(context, new EntryModules(service, context.projectDir()));
        try {
            return new StackBuilder(service, packages, warnings).build();
        } catch (Configuration.DuplicateName e) {
            throw new GenerationException(e.getMessage() + ": rename a function or resource", e);
        }
    }

    @Override
    protected void checkLimits(StackBuilder.Stack stack, Warnings warnings) throws GenerationException {
        StackLimits.check(stack, warnings);
    }

    @Override
    protected void write(StackBuilder.Stack stack, GenerationContext context, OutputTree out)
            throws GenerationException {
        out.addText(CONFIGURATION, TerraformJson.write(stack.configuration().tree()));
        for (Artifact a : stack.packages().distinct()) out.add(SourceArchives.ARTIFACTS + a.fileName(), a.bytes());
        if (stack.openApi() != null) out.addText(OpenApiDocument.FILE, TerraformJson.write(stack.openApi()));
        out.addText(README, Readme.render(context.service(), context.projectDir(), stack, out.warnings()));
    }

    /** The configuration in memory, before anything is written; tests look into it. */
    static StackBuilder.Stack build(GenerationContext context) throws GenerationException {
        return new GcpGenerator().build(context, new OutputTree());
    }
}
