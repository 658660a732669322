package dev.strato.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options only {@code invoke --local} has: which trigger to imitate, and the HTTP request's details. */
public final class LocalInvokeOptions {

    @Option(
            names = "--local",
            description =
                    "Run the handler on this machine (node or python3 on PATH) with a neutral event; no cloud account needed.")
    boolean local;

    @Option(
            names = "--event",
            paramLabel = "KIND",
            description =
                    "The trigger to imitate: http, schedule, queue, topic, bucket, table (default: the function's first; direct without triggers).")
    String event;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            description = "HTTP: the request path, matched against the route (e.g. /orders/42?verbose=1).")
    String path;

    @Option(names = "--query", paramLabel = "NAME=VALUE", description = "HTTP: a query parameter; repeatable.")
    Map<String, String> query = new LinkedHashMap<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "HTTP: a request header; repeatable.")
    Map<String, String> headers = new LinkedHashMap<>();
}
