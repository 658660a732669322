package dev.strato.generator.aws;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.StackGenerator;
import dev.strato.generator.Warnings;
import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;

/**
 * Renders a service as one CloudFormation stack: {@code template.yaml} (plain CloudFormation or
 * SAM, per {@code providers.aws.format}), {@code artifacts/<function>-<sha256-12>.zip} and
 * {@code manifest.json}.
 */
public final class AwsGenerator extends StackGenerator<StackBuilder.Stack> {

    public static final String TEMPLATE = "template.yaml";
    public static final String MANIFEST = "manifest.json";
    public static final String ARTIFACTS = "artifacts/";

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    protected StackBuilder.Stack build(GenerationContext context, Warnings warnings) throws GenerationException {
        Service service = context.service();
        return build(service, format(service), packages(context));
    }

    @Override
    protected void checkLimits(StackBuilder.Stack stack, Warnings warnings) throws GenerationException {
        StackLimits.check(stack, warnings);
    }

    @Override
    protected void write(StackBuilder.Stack stack, GenerationContext context, OutputTree out) {
        out.add(TEMPLATE, stack.body());
        for (Artifact a : stack.packages().distinct()) out.add(ARTIFACTS + a.fileName(), a.bytes());
        out.add(MANIFEST, Manifest.of(stack, out.warnings()));
    }

    /** The function packages, with the portable-handler adapter in those of functions that have one. */
    static Packages packages(GenerationContext context) throws GenerationException {
        return Packager.build(context, new EntryModules(context.service(), context.projectDir()));
    }

    static AwsFormat format(Service service) {
        AwsFormat f = service.providers().aws() == null
                ? null
                : service.providers().aws().format();
        return f == null ? AwsFormat.CLOUDFORMATION : f;
    }

    /** The template in memory, before it is written; tests compare the two formats with it. */
    static StackBuilder.Stack build(Service service, AwsFormat format, Packages packages) throws GenerationException {
        try {
            return new StackBuilder(service, format, packages).build();
        } catch (Template.DuplicateLogicalId e) {
            throw new GenerationException(e.getMessage() + ": rename a function or resource", e);
        }
    }
}
