package dev.strato.generator.gcp;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.Provider;
import dev.strato.model.Service;
import java.io.UncheckedIOException;

/**
 * Renders a service as one Terraform JSON configuration for Cloud Functions (2nd gen):
 * {@code main.tf.json}, {@code artifacts/<function>-<sha256-12>.zip} (uploaded by the
 * configuration), {@code README.md} with the apply steps, and with API Gateway its
 * {@code openapi.json}.
 */
public final class GcpGenerator implements Generator {

    public static final String CONFIGURATION = "main.tf.json";
    public static final String README = "README.md";

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public void generate(GenerationContext context, OutputTree out) throws GenerationException {
        ConfigurationBuilder.Result result = build(context);
        out.addText(CONFIGURATION, TerraformJson.write(result.configuration().tree()));
        for (Artifact a : result.packages().distinct()) out.add(SourceArchives.ARTIFACTS + a.fileName(), a.bytes());
        if (result.openApi() != null) out.addText(OpenApiDocument.FILE, TerraformJson.write(result.openApi()));
        out.addText(README, Readme.render(context.service(), context.projectDir(), result));
        result.warnings().forEach(out::warn);
    }

    /** The configuration in memory, before anything is written; tests look into it. */
    static ConfigurationBuilder.Result build(GenerationContext context) throws GenerationException {
        Service service = context.service();
        if (service.providers().gcp() == null) throw new GenerationException("strato.yml has no providers.gcp block");
        Packages packages;
        try {
            packages = Packager.build(context, new EntryModules(service, context.projectDir()));
        } catch (UncheckedIOException e) {
            throw new GenerationException("cannot render the entry module of a function package: " + e.getCause().getMessage(), e);
        }
        try {
            return new ConfigurationBuilder(service, packages).build();
        } catch (Configuration.DuplicateName e) {
            throw new GenerationException(e.getMessage() + ": rename a function or resource", e);
        }
    }
}
