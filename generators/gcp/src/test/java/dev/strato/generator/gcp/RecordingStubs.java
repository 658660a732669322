package dev.strato.generator.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Handler modules that record what they are called with ({@code STRATO_RECORD}: one JSON line of
 * the event and the context per call) and answer what {@code STRATO_ANSWER} says.
 */
final class RecordingStubs {

    private RecordingStubs() {}

    static void node(Path file, Collection<String> exports, boolean esm) throws IOException {
        StringBuilder js = new StringBuilder(
                esm
                        ? "import { appendFileSync, existsSync, readFileSync } from 'node:fs';\n"
                        : "const { appendFileSync, existsSync, readFileSync } = require('node:fs');\n");
        js.append("""
                async function record(event, ctx) {
                  const seen = { provider: ctx.provider, stage: ctx.stage, functionName: ctx.functionName, requestId: ctx.requestId, deadline: ctx.deadline };
                  appendFileSync(process.env.STRATO_RECORD, JSON.stringify({ event, ctx: seen }) + '\\n');
                  const file = process.env.STRATO_ANSWER;
                  const answer = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
                  if (answer.throw) throw new Error(answer.throw);
                  return answer.value ?? undefined;
                }
                """);
        for (String name : exports)
            js.append(esm ? "export const " + name + " = record;\n" : "exports." + name + " = record;\n");
        write(file, js.toString());
    }

    static void python(Path file, Collection<String> exports) throws IOException {
        StringBuilder py = new StringBuilder("""
                import json
                import os


                def _record(event, ctx):
                    seen = {"provider": ctx.provider, "stage": ctx.stage, "functionName": ctx.functionName,
                            "requestId": ctx.requestId, "deadline": ctx.deadline}
                    with open(os.environ["STRATO_RECORD"], "a") as f:
                        f.write(json.dumps({"event": event, "ctx": seen}) + "\\n")
                    path = os.environ.get("STRATO_ANSWER")
                    answer = json.load(open(path)) if path and os.path.exists(path) else {}
                    if answer.get("throw"):
                        raise RuntimeError(answer["throw"])
                    return answer.get("value")

                """);
        for (String name : exports) py.append("\n").append(name).append(" = _record\n");
        write(file, py.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
