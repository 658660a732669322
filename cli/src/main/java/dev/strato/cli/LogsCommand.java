package dev.strato.cli;

import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "logs",
        description = {
            "A function's log events; --tail keeps following until Ctrl-C.",
            "--output json prints one JSON object a line."
        })
final class LogsCommand extends CloudCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Mixin
    FunctionOption function;

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            converter = SinceConverter.class,
            description = "From how long ago (30s, 10m, 2h, 1d) or from a time (2026-11-27T08:00:00Z); default 10m.")
    Instant since;

    @Option(
            names = "--filter",
            paramLabel = "TEXT",
            description = "Only events that match (a CloudWatch Logs filter pattern).")
    String filter;

    @Option(names = "--tail", description = "Keep printing new events until interrupted.")
    boolean tail;

    @Option(names = "--utc", description = "Show times in UTC (default: local time).")
    boolean utc;

    LogsCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        String problem = function.problem(context.target());
        if (problem != null) return context.refuse(problem);
        Console c = context.console();
        Instant from = since != null ? since : Instant.now().minus(Duration.ofMinutes(10));
        DateTimeFormatter time = TIME.withZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        LogSink sink = event -> {
            if (context.json()) c.out().println(Json.line(event));
            else c.out().println(time.format(event.time()) + "  " + event.message());
            c.out().flush();
        };
        context.provider().logs(new LogQuery(function.name, from, filter, tail, Duration.ofSeconds(1)), sink);
        return ExitCodes.OK;
    }
}
