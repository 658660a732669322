package dev.strato.generator.azure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Handler modules that record the neutral event and the context they get (to {@code $STRATO_TEST_RECORD})
 * and answer with {@code $STRATO_TEST_ANSWER}; an answer {@code {failed: [...]}} names the second
 * message's or change's id, as the matrix scenarios do.
 */
final class RecordingStubs {

    private static final String NODE_RECORD = """
            import { writeFileSync } from 'node:fs';

            async function record(event, ctx) {
              const { provider, stage, functionName, requestId, deadline } = ctx;
              writeFileSync(process.env.STRATO_TEST_RECORD, JSON.stringify({ event, ctx: { provider, stage, functionName, requestId, deadline } }));
              ctx.log.info('recorded', { kind: event.kind });
              const answer = JSON.parse(process.env.STRATO_TEST_ANSWER ?? 'null');
              if (Array.isArray(answer?.failed)) return { failed: [(event.messages ?? event.changes)[1].id] };
              return answer;
            }
            """;

    private static final String PYTHON_RECORD = """
            import json
            import os


            def _record(event, ctx):
                context = {"provider": ctx.provider, "stage": ctx.stage, "functionName": ctx.function_name,
                           "requestId": ctx.request_id, "deadline": ctx.deadline}
                with open(os.environ["STRATO_TEST_RECORD"], "w", encoding="utf-8") as f:
                    json.dump({"event": event, "ctx": context}, f)
                ctx.log.info("recorded", kind=event["kind"])
                answer = json.loads(os.environ.get("STRATO_TEST_ANSWER") or "null")
                if isinstance(answer, dict) and isinstance(answer.get("failed"), list):
                    return {"failed": [(event.get("messages") or event.get("changes"))[1]["id"]]}
                return answer
            """;

    private RecordingStubs() {}

    /** An ES module (Node.js {@code .mjs}, or {@code .js} in a {@code "type": "module"} package) exporting {@code exports}. */
    static void node(Path file, Collection<String> exports) throws IOException {
        String list = exports.stream().map(e -> "record as " + e).collect(Collectors.joining(", "));
        write(file, NODE_RECORD + "\nexport { " + list + " };\n");
    }

    static void python(Path file, Collection<String> functions) throws IOException {
        write(
                file,
                PYTHON_RECORD
                        + functions.stream()
                                .map(f -> "\n\n" + f + " = _record\n")
                                .collect(Collectors.joining()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
