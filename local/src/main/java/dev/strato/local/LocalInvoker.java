package dev.strato.local;

import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.model.support.Durations;
import dev.strato.model.support.Suggestions;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one portable handler on this machine, the way a cloud would: the neutral event of one of
 * its triggers, a {@code ctx} for provider {@code local}, the function's environment and timeout.
 * The adapter core and the local runner are written to a temporary folder; the handler runs in
 * a node or python3 process whose working folder is the project.
 */
public final class LocalInvoker {

    private final Path projectDir;
    private final Map<String, String> userEnvironment;
    private final Templates templates;

    /** {@code userEnvironment}: the variables the handler's process inherits (PATH included). */
    public LocalInvoker(Path projectDir, Map<String, String> userEnvironment, Templates templates) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.userEnvironment = Map.copyOf(userEnvironment);
        this.templates = templates;
    }

    /** Invokes; {@code live} gets each log line as it is written, {@code warn} what the user should know. */
    public LocalResult invoke(Service service, InvokeRequest request, LogLine.Listener live, Consumer<String> warn) {
        Function f = function(service, request.function());
        Optional<Event> trigger = Triggers.choose(f, request.eventKind(), request.path());
        String kind = trigger.map(Event::kind).orElse(Triggers.DIRECT);
        Instant now = Instant.now();
        Map<String, Object> parts = NeutralRequests.build(service, trigger, request, now, warn);
        LocalRuntime runtime = LocalRuntime.of(f.runtime());
        Map<String, String> environment = new HashMap<>(userEnvironment);
        environment.putAll(FunctionEnvironment.resolve(f, userEnvironment, warn));
        Path program = runtime.find(environment.get("PATH"), f.runtime());

        HandlerAdapters.HandlerModule module = HandlerAdapters.module(f, projectDir);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", f.name());
        spec.put("module", module.module());
        spec.put("export", module.export());
        spec.put("kind", kind);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("stage", service.stage());
        ctx.put("functionName", f.name());
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("deadline", now.plus(f.timeout()).toEpochMilli());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("function", spec);
        input.put("root", projectDir.toString());
        input.put("stacktrace", request.stacktrace());
        input.put("ctx", ctx);
        input.put("request", parts);

        Path dir = temporaryDir();
        try {
            writeLibrary(runtime.library(templates), dir);
            Path resultFile = dir.resolve("result.json");
            runtime.prepare(environment, dir);
            List<LogLine> logs = Collections.synchronizedList(new ArrayList<>());
            ProcessRunner.Outcome outcome = ProcessRunner.run(
                    runtime.command(program, dir, resultFile),
                    projectDir,
                    environment,
                    JsonData.write(input),
                    f.timeout(),
                    line -> {
                        logs.add(line);
                        live.line(line);
                    });
            if (outcome.timedOut()) {
                String message = f.name() + " timed out after " + Durations.format(f.timeout())
                        + " (the function's timeout): its process was stopped";
                return new LocalResult(
                        f.name(),
                        kind,
                        null,
                        null,
                        new LocalResult.Failure(message, null, true),
                        logs,
                        outcome.durationMs(),
                        null);
            }
            if (!Files.isRegularFile(resultFile)) {
                String said = logs.stream()
                        .filter(LogLine::stderr)
                        .reduce((a, b) -> b)
                        .map(l -> ": " + l.text())
                        .orElse("");
                throw LocalInvokeException.failure(program.getFileName() + " ended with exit code " + outcome.exitCode()
                        + " before the handler answered" + said);
            }
            Map<String, Object> result = JsonData.read(resultFile);
            String version = String.valueOf(result.get("runtime"));
            String older = runtime.olderThan(version, f.runtime());
            if (older != null) warn.accept(older);
            return new LocalResult(
                    f.name(),
                    kind,
                    result.get("event"),
                    result.get("answer"),
                    failure(result.get("error")),
                    logs,
                    outcome.durationMs(),
                    version);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The function named {@code name}, runnable here; else a usage error that says why. */
    static Function function(Service service, String name) {
        Function f = service.functions().get(name);
        if (f == null) {
            throw LocalInvokeException.usage("unknown function '" + name + "'"
                    + Suggestions.didYouMean(name, service.functions().keySet()) + "; functions: "
                    + String.join(", ", service.functions().keySet()));
        }
        Runtime.Language language = f.runtime().language();
        if (language != Runtime.Language.NODE && language != Runtime.Language.PYTHON) {
            throw LocalInvokeException.usage("function " + name + " runs on "
                    + f.runtime().id() + ": local invoke needs a portable Node.js or Python handler");
        }
        if (f.adapter() == Adapter.NATIVE) {
            throw LocalInvokeException.usage(
                    "function " + name + " has adapter: native (its code expects one cloud's own event): "
                            + "local invoke needs a portable Node.js or Python handler (docs/HANDLERS.md)");
        }
        return f;
    }

    private static LocalResult.Failure failure(Object error) {
        if (!(error instanceof Map<?, ?> e)) return null;
        Object stack = e.get("stack");
        return new LocalResult.Failure(
                String.valueOf(e.get("message")), stack == null ? null : stack.toString(), false);
    }

    private static Path temporaryDir() {
        try {
            return Files.createTempDirectory("strato-local-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLibrary(Map<String, byte[]> files, Path dir) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
