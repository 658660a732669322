package dev.strato.cli;

import dev.strato.model.bind.JsonSchemaExport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "schema",
        description = {
            "Print the JSON Schema (draft 2020-12) of strato.yml, for editor completion and checks.",
            "VS Code / IntelliJ: strato schema > strato.schema.json, then start strato.yml with",
            "  # yaml-language-server: $schema=./strato.schema.json"
        })
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Json.print(spec.commandLine().getOut(), JsonSchemaExport.schema());
        return ExitCodes.OK;
    }
}
