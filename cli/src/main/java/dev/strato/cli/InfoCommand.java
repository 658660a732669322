package dev.strato.cli;

import dev.strato.provider.StackInfo;
import picocli.CommandLine.Command;

@Command(
        name = "info",
        description =
                "The deployed stack: status, endpoints, functions (runtime, memory, last modified) and resources.")
final class InfoCommand extends CloudCommand {

    InfoCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        StackInfo info = context.provider().info();
        if (context.json()) Json.print(context.console().out(), info);
        else StackInfoPrinter.print(context.console(), info);
        return ExitCodes.OK;
    }
}
