package dev.strato.generator.aws;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.AwsFormat;
import dev.strato.model.Provider;
import dev.strato.model.Service;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders a service as one CloudFormation stack: {@code template.yaml} (plain CloudFormation or
 * SAM, per {@code providers.aws.format}), {@code artifacts/<function>-<sha256-12>.zip} and
 * {@code manifest.json}.
 */
public final class AwsGenerator implements Generator {

    public static final String TEMPLATE = "template.yaml";
    public static final String MANIFEST = "manifest.json";
    public static final String ARTIFACTS = "artifacts/";

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public void generate(GenerationContext context, OutputTree out) throws GenerationException {
        Service service = context.service();
        Packages packages = packages(context);
        AwsFormat format = format(service);
        Stack stack = build(service, format, packages);
        byte[] body = TemplateYaml.write(stack.template().tree()).getBytes(StandardCharsets.UTF_8);
        StackLimits.check(stack.template(), body.length, stack.names().stack(), out);
        new EnvironmentSize(service, stack.names()).check(out);
        new ResourcePolicySize(service, stack.names(), format).check(stack.api(), out);
        if (stack.outputNamesOmitted()) {
            out.warn("CloudFormation allows " + StackLimits.OUTPUTS + " outputs: the stack outputs ARNs and URLs only, names are in " + MANIFEST);
        }
        out.add(TEMPLATE, body);
        for (Artifact a : packages.distinct()) out.add(ARTIFACTS + a.fileName(), a.bytes());
        out.add(MANIFEST, Manifest.of(service, format, stack, packages, body, out.warnings()));
    }

    /** The function packages, with the portable-handler adapter in those of functions that have one. */
    static Packages packages(GenerationContext context) throws GenerationException {
        try {
            return Packager.build(context, new LambdaAdapter(context.service(), context.projectDir()));
        } catch (UncheckedIOException e) {
            throw new GenerationException("cannot render the handler adapter: " + e.getCause().getMessage(), e);
        }
    }

    static AwsFormat format(Service service) {
        AwsFormat f = service.providers().aws() == null ? null : service.providers().aws().format();
        return f == null ? AwsFormat.CLOUDFORMATION : f;
    }

    /** The template in memory, before it is written; tests compare the two formats with it. */
    static Stack build(Service service, AwsFormat format, Packages packages) throws GenerationException {
        try {
            return new StackBuilder(service, format, packages).build();
        } catch (Template.DuplicateLogicalId e) {
            throw new GenerationException(e.getMessage() + ": rename a function or resource", e);
        }
    }

    record Stack(Template template, AwsNames names, HttpApiPlan api, boolean outputNamesOmitted) {}
}
