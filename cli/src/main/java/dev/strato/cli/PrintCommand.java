package dev.strato.cli;

import dev.strato.model.LoadResult;
import dev.strato.model.ModelTree;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "print",
        description =
                "Print the fully resolved model: variables replaced, defaults applied; secrets stay ${secret:NAME}.")
final class PrintCommand extends ModelCommand {

    enum Format {
        yaml,
        json
    }

    @Option(names = "--output", paramLabel = "FORMAT", description = "yaml (default) or json.")
    Format format = Format.yaml;

    PrintCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) {
        if (!session.reportValid(result, "")) return ExitCodes.INVALID_MODEL;
        Map<String, Object> tree = ModelTree.of(result.service().orElseThrow());
        if (format == Format.json) {
            Json.print(session.console().out(), tree);
        } else {
            DumpSettings settings = DumpSettings.builder()
                    .setDefaultFlowStyle(FlowStyle.BLOCK)
                    .setIndent(2)
                    .setIndicatorIndent(2)
                    .setIndentWithIndicator(true)
                    .setWidth(120)
                    .build();
            session.console().out().print(new Dump(settings).dumpToString(tree));
            session.console().out().flush();
        }
        return ExitCodes.OK;
    }
}
