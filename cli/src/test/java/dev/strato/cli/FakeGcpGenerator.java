package dev.strato.cli;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.OutputTree;
import dev.strato.model.Provider;

/** Test generator found by ServiceLoader from the test class path; fails for a service named "boom". */
public final class FakeGcpGenerator implements Generator {

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public void generate(GenerationContext context, OutputTree out) throws GenerationException {
        if (context.service().name().equals("boom")) throw new GenerationException("cannot render boom");
        out.addText("main.txt", context.service().name() + " " + context.service().functions().keySet());
        out.addText("nested/readme.txt", "stage " + context.service().stage());
    }
}
