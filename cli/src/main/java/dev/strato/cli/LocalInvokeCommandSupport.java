package dev.strato.cli;

import dev.strato.local.InvokeRequest;
import dev.strato.local.JsonData;
import dev.strato.local.LocalInvokeException;
import dev.strato.local.LocalInvoker;
import dev.strato.local.LocalResult;
import dev.strato.local.LogLine;
import dev.strato.model.LoadResult;
import dev.strato.model.service.Service;
import dev.strato.templates.Templates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** {@code strato invoke --local}: reads the data, runs {@link LocalInvoker}, prints the answer, the logs and errors. */
final class LocalInvokeCommandSupport {

    private final ModelSession session;
    private final Environment environment;
    private final boolean stacktrace;
    private final boolean json;
    private final Console console;

    LocalInvokeCommandSupport(ModelSession session, Environment environment, boolean stacktrace, boolean json) {
        this.session = session;
        this.environment = environment;
        this.stacktrace = stacktrace;
        this.json = json;
        this.console = session.console();
    }

    int run(LoadResult loaded, String function, byte[] data, LocalInvokeOptions options) {
        if (!loaded.isValid()) {
            session.reportValid(loaded, "; nothing invoked");
            return ExitCodes.INVALID_MODEL;
        }
        Service service = loaded.service().orElseThrow();
        Path projectDir = session.file().path().toAbsolutePath().getParent();
        try {
            InvokeRequest request = new InvokeRequest(
                    function, options.event, data, options.path, options.query, options.headers, stacktrace);
            LocalInvoker invoker =
                    new LocalInvoker(projectDir, environment.variables(), Templates.forProject(projectDir));
            LocalResult result = invoker.invoke(service, request, this::live, this::warn);
            print(result);
            return ExitCodes.OK;
        } catch (LocalInvokeException e) {
            throw e.usage() ? CommandException.usage(e.getMessage()) : CommandException.failure(e.getMessage());
        }
    }

    private void live(LogLine line) {
        if (json) return;
        synchronized (console) {
            console.err().println(line.text());
            console.err().flush();
        }
    }

    private void warn(String message) {
        synchronized (console) {
            console.err().println(console.yellow("warning") + ": " + message);
            console.err().flush();
        }
    }

    private void print(LocalResult result) {
        PrintWriter out = console.out();
        if (json) {
            Json.print(out, result.toJson(stacktrace));
        } else if (result.kind().equals("http") && result.answer() instanceof Map<?, ?> response) {
            printHttp(out, response);
        } else if (!result.failed()) {
            out.println(JsonData.pretty(result.answer()));
        }
        out.flush();
        if (result.failed()) {
            LocalResult.Failure error = result.error();
            String prefix = error.timedOut() ? "" : result.function() + " failed: ";
            throw CommandException.failure(prefix + error.message()).followedBy(stacktrace ? error.stack() : null);
        }
    }

    /** A JSON body indented; a body that only claims to be JSON as it is. */
    private static String indented(String body) {
        try {
            return JsonData.pretty(JsonData.parse(body, "the response body"));
        } catch (LocalInvokeException e) {
            return body;
        }
    }

    /** Status line, headers, a blank line and the body (JSON indented), as curl -i shows a response. */
    private static void printHttp(PrintWriter out, Map<?, ?> response) {
        out.println("HTTP " + response.get("status"));
        Map<?, ?> headers = response.get("headers") instanceof Map<?, ?> h ? h : Map.of();
        headers.forEach((name, value) -> out.println(name + ": " + value));
        out.println();
        String body = String.valueOf(response.get("body"));
        if (Boolean.TRUE.equals(response.get("base64"))) {
            out.println("(" + Base64.getDecoder().decode(body).length + " bytes, base64)");
            out.println(body);
        } else if (String.valueOf(headers.get("content-type")).contains("json") && !body.isEmpty()) {
            out.println(indented(body));
        } else if (!body.isEmpty()) {
            out.println(body);
        }
    }
}
